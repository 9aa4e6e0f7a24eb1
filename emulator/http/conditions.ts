import { BatchError, conditionNotMet, invalidHeader } from './errors.js';
import type { HeaderBag } from './sharedKey.js';

/** What conditional headers are checked against. */
export interface Versioned {
  eTag: string;
  lastModified: number;
}

const CONDITION_HEADERS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since'] as const;

function one(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function etagList(value: string): string[] {
  return value.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
}

function matches(value: string, eTag: string): boolean {
  const tags = etagList(value);
  return tags.includes('*') || tags.includes(eTag);
}

function dateHeader(headers: HeaderBag, name: string): number | undefined {
  const value = one(headers, name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidHeader(name, value, 'Expected an RFC 1123 date.');
  return Math.floor(ms / 1000);
}

/**
 * Applies If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since to an entity. A failed
 * condition is 412 ConditionNotMet, except that a read whose If-None-Match or If-Modified-Since fails
 * returns 'not-modified' so the caller answers 304. Header dates have whole-second precision.
 */
export function evaluateConditions(headers: HeaderBag, entity: Versioned, kind: 'read' | 'write'): 'ok' | 'not-modified' {
  const present = CONDITION_HEADERS.filter((name) => one(headers, name) !== undefined);
  if (present.length === 0) return 'ok';
  if (present.length > 1) {
    throw new BatchError(400, 'MultipleConditionHeadersNotSupported', 'Multiple condition headers are not supported.');
  }
  const modifiedSeconds = Math.floor(entity.lastModified / 1000);
  const ifMatch = one(headers, 'if-match');
  if (ifMatch !== undefined && !matches(ifMatch, entity.eTag)) throw conditionNotMet();
  const ifNoneMatch = one(headers, 'if-none-match');
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, entity.eTag)) {
    if (kind === 'read') return 'not-modified';
    throw conditionNotMet();
  }
  const since = dateHeader(headers, 'if-modified-since');
  if (since !== undefined && modifiedSeconds <= since) {
    if (kind === 'read') return 'not-modified';
    throw conditionNotMet();
  }
  const unmodifiedSince = dateHeader(headers, 'if-unmodified-since');
  if (unmodifiedSince !== undefined && modifiedSeconds > unmodifiedSince) throw conditionNotMet();
  return 'ok';
}
