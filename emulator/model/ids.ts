import { invalidProperty, missingProperty } from '../http/errors.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True for an id the service accepts: 1–64 letters, digits, hyphens or underscores. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Throws the service's error for a missing or malformed id property. */
export function checkId(id: unknown, property = 'id'): string {
  if (id === undefined || id === '') throw missingProperty(property);
  if (typeof id !== 'string' || !isValidId(id)) {
    throw invalidProperty(
      property,
      id,
      'The id can contain any combination of alphanumeric characters including hyphens and underscores, and cannot contain more than 64 characters.',
    );
  }
  return id;
}

/** The lookup key of an id: ids are case-preserving but compared case-insensitively. */
export function keyOf(id: string): string {
  return id.toLowerCase();
}
