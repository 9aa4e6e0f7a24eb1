import { describe, expect, it } from 'vitest';
import { redactTokens } from './redact';

describe('redactTokens', () => {
  it('strips JWTs, bearer values and token-carrying form fields, keeping the rest', () => {
    const jwt = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln';
    const text = `token ${jwt} header Bearer abc.def-ghi body refresh_token=rt.secret&scope=x code=123 ok`;
    const out = redactTokens(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('abc.def-ghi');
    expect(out).not.toContain('rt.secret');
    expect(out).not.toContain('code=123');
    expect(out).toContain('scope=x');
    expect(out).toContain('ok');
  });
});
