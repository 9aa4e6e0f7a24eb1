import { describe, expect, it } from 'vitest';
import { evaluateConditions } from './conditions.js';
import { BatchError } from './errors.js';

const entity = { eTag: '0x8D1', lastModified: Date.parse('2024-01-01T10:00:00.500Z') };

function outcome(headers: Record<string, string>, kind: 'read' | 'write'): string {
  try {
    return evaluateConditions(headers, entity, kind);
  } catch (error) {
    return error instanceof BatchError ? `${error.status} ${error.code}` : String(error);
  }
}

describe('conditional headers', () => {
  it('passes without conditions and with matching ones', () => {
    expect(outcome({}, 'write')).toBe('ok');
    expect(outcome({ 'if-match': '0x8D1' }, 'write')).toBe('ok');
    expect(outcome({ 'if-match': '"0x8D1"' }, 'write')).toBe('ok');
    expect(outcome({ 'if-match': '*' }, 'write')).toBe('ok');
    expect(outcome({ 'if-unmodified-since': 'Mon, 01 Jan 2024 10:00:00 GMT' }, 'write')).toBe('ok');
  });

  it('fails writes with 412 and answers reads with not-modified', () => {
    expect(outcome({ 'if-match': '0x8D0' }, 'write')).toBe('412 ConditionNotMet');
    expect(outcome({ 'if-match': '0x8D0' }, 'read')).toBe('412 ConditionNotMet');
    expect(outcome({ 'if-none-match': '0x8D1' }, 'read')).toBe('not-modified');
    expect(outcome({ 'if-none-match': '0x8D1' }, 'write')).toBe('412 ConditionNotMet');
    expect(outcome({ 'if-modified-since': 'Mon, 01 Jan 2024 10:00:00 GMT' }, 'read')).toBe('not-modified');
    expect(outcome({ 'if-modified-since': 'Mon, 01 Jan 2024 09:59:59 GMT' }, 'read')).toBe('ok');
    expect(outcome({ 'if-unmodified-since': 'Mon, 01 Jan 2024 09:59:59 GMT' }, 'write')).toBe('412 ConditionNotMet');
  });

  it('refuses bad dates and combined conditions', () => {
    expect(outcome({ 'if-modified-since': 'yesterday-ish' }, 'read')).toBe('400 InvalidHeaderValue');
    expect(outcome({ 'if-match': '*', 'if-modified-since': 'Mon, 01 Jan 2024 10:00:00 GMT' }, 'read')).toBe('400 MultipleConditionHeadersNotSupported');
  });
});
