import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Looks like a JWT (header.payload) or a bearer value: what must never land on disk or in output. */
const TOKEN_SHAPED = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}|Bearer [A-Za-z0-9._-]{16,}/;

/** Every regular file under `root`, except those under `skip`. */
export function filesUnder(root: string, skip: string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (skip.some((excluded) => path === excluded || path.startsWith(`${excluded}/`))) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Which of `files` contain one of `secrets` or anything token-shaped, with the reason (never the secret). */
export function findLeaks(root: string, files: string[], secrets: Iterable<string>): string[] {
  const known = [...secrets];
  const leaks: string[] = [];
  for (const file of files) {
    if (statSync(file).size > 5_000_000) continue;
    const text = readFileSync(file, 'latin1');
    if (known.some((secret) => text.includes(secret))) leaks.push(`${relative(root, file)}: issued secret`);
    else if (TOKEN_SHAPED.test(text)) leaks.push(`${relative(root, file)}: token-shaped text`);
  }
  return leaks;
}

/** Same check for captured console/stdout text. */
export function textLeaks(text: string, secrets: Iterable<string>): boolean {
  for (const secret of secrets) if (text.includes(secret)) return true;
  return TOKEN_SHAPED.test(text);
}
