import { AppError } from '../../../shared/errors';

type Page<T> = T[] & { odatanextLink?: string };

/** Reads every page of a list call. */
export async function collectAll<T>(first: Promise<Page<T>>, next: (link: string) => Promise<Page<T>>, limit = Infinity): Promise<T[]> {
  const items: T[] = [];
  let page = await first;
  for (;;) {
    items.push(...page);
    if (!page.odatanextLink || items.length >= limit) return items;
    page = await next(page.odatanextLink);
  }
}

/**
 * A continuation comes back from the renderer, and main would send the account's credentials to it, so it must
 * point at the account's own service: anything else is refused.
 */
export function checkContinuation(continuation: string, accountUrl: string): string {
  let url: URL;
  try {
    url = new URL(continuation);
  } catch {
    throw new AppError({ code: 'BadRequest', message: 'The continuation is not a URL', status: 400 });
  }
  if (url.origin.toLowerCase() !== new URL(accountUrl).origin.toLowerCase()) {
    throw new AppError({ code: 'BadRequest', message: "The continuation does not point at this account's service", status: 400 });
  }
  return continuation;
}

/** Quotes a string for an OData literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
