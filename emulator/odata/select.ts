import { ODataError } from './errors.js';

/** Longest $select accepted, matching the $filter limit. */
export const MAX_SELECT_LENGTH = 4096;

function isIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    if (!letter && !(i > 0 && code >= 48 && code <= 57)) return false;
  }
  return true;
}

/** Parses a $select clause into distinct top-level property names, in the order first given. */
export function parseSelect(text: string): string[] {
  if (text.length > MAX_SELECT_LENGTH) {
    throw new ODataError(`Select is ${text.length} characters long; the limit is ${MAX_SELECT_LENGTH}`);
  }
  if (text.trim() === '') throw new ODataError('Select is empty');
  const names: string[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    const name = part.trim();
    const position = start + part.length - part.trimStart().length;
    if (name === '') throw new ODataError('Select has an empty property name', start);
    if (name.includes('/')) throw new ODataError(`Select supports top-level properties only, not '${name}'`, position);
    // __proto__ would reset the prototype of the projected object instead of copying a property.
    if (!isIdentifier(name) || name === '__proto__') {
      throw new ODataError(`Invalid property name '${name}' in select`, position);
    }
    if (!names.includes(name)) names.push(name);
    start += part.length + 1;
  }
  return names;
}

/** Copies only the named top-level properties that the entity has; everything else is dropped. */
export function applySelect<T extends object>(entity: T, props: readonly string[]): Partial<T> {
  const source = entity as Record<string, unknown>;
  const projected: Record<string, unknown> = {};
  for (const name of props) {
    if (name !== '__proto__' && Object.hasOwn(source, name)) projected[name] = source[name];
  }
  return projected as Partial<T>;
}
