import { compileFilter, ODataError, parseSelect, type FilterFields, type Predicate } from '../odata/index.js';
import { BatchError, invalidQuery } from './errors.js';

/** The one api-version the emulator speaks: the one @azure/batch 10.2.0 sends. */
export const API_VERSION = '2022-10-01.16.0';

/** Throws the service's 400 unless the request carries the supported api-version. */
export function checkApiVersion(query: ReadonlyMap<string, string>): void {
  const version = query.get('api-version');
  if (version === undefined) {
    throw new BatchError(400, 'MissingRequiredQueryParameter', 'A query parameter that\'s mandatory for this request is not specified.', [
      { key: 'QueryParameterName', value: 'api-version' },
    ]);
  }
  if (version !== API_VERSION) {
    throw new BatchError(400, 'UnsupportedRequestVersion', 'The specified request version is not supported.', [
      { key: 'QueryParameterName', value: 'api-version' },
      { key: 'QueryParameterValue', value: version },
      { key: 'Reason', value: `The emulator supports api-version ${API_VERSION} only.` },
    ]);
  }
}

/** maxresults: 1 to 1000, default 1000. */
export function maxResults(query: ReadonlyMap<string, string>): number {
  const text = query.get('maxresults');
  if (text === undefined) return 1000;
  if (!/^\d+$/.test(text)) throw invalidQuery('maxresults', text, 'Expected an integer.');
  const value = Number(text);
  if (value < 1 || value > 1000) {
    throw new BatchError(400, 'OutOfRangeQueryParameterValue', 'A query parameter specified in the request URI is outside the permissible range.', [
      { key: 'QueryParameterName', value: 'maxresults' },
      { key: 'QueryParameterValue', value: text },
      { key: 'Reason', value: 'maxresults must be between 1 and 1000.' },
    ]);
  }
  return value;
}

/** A boolean query parameter (true/false in any case), or the default. */
export function booleanParam(query: ReadonlyMap<string, string>, name: string, fallback: boolean): boolean {
  const text = query.get(name);
  if (text === undefined) return fallback;
  const lower = text.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw invalidQuery(name, text, 'Expected true or false.');
  return lower === 'true';
}

function odata<T>(name: string, text: string, parse: (t: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ODataError) throw invalidQuery(name, text, error.message);
    throw error;
  }
}

/** The compiled $filter, if any; unsupported properties or syntax are a 400, never ignored. */
export function filterParam(query: ReadonlyMap<string, string>, fields: FilterFields): Predicate | undefined {
  const text = query.get('$filter');
  return text === undefined ? undefined : odata('$filter', text, (t) => compileFilter(t, fields));
}

/** The $select property list, if any. */
export function selectParam(query: ReadonlyMap<string, string>): string[] | undefined {
  const text = query.get('$select');
  return text === undefined ? undefined : odata('$select', text, parseSelect);
}

/** Refuses $expand, which the emulator does not implement (rather than answering without the expansion). */
export function refuseExpand(query: ReadonlyMap<string, string>): void {
  const text = query.get('$expand');
  if (text !== undefined) throw invalidQuery('$expand', text, 'The emulator does not support $expand.');
}

/** Encodes a list continuation: the key after which the next page starts. */
export function encodeSkipToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** Decodes a continuation from $skiptoken, if present. */
export function decodeSkipToken(query: ReadonlyMap<string, string>): string | undefined {
  const text = query.get('$skiptoken');
  if (text === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalidQuery('$skiptoken', text, 'Not a continuation token issued by this service.');
  return Buffer.from(text, 'base64url').toString('utf8');
}
