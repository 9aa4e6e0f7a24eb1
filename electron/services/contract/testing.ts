import { CALL_NAMES } from '../../../shared/contract/names';
import { AppError } from '../../../shared/errors';
import type { Handlers } from './dispatch';

/** Test support: a full handler table where every call not given throws, so a test states only what it uses. */
export function handlersWith(partial: Partial<Handlers>): Handlers {
  const table: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    table[name] =
      partial[name] ??
      (async () => {
        throw new AppError({ code: 'NotInThisTest', message: `${name} is not implemented in this test` });
      });
  }
  return table as Handlers;
}
