import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './args';

describe('serve arguments', () => {
  it('parses port and data', () => {
    expect(parseServeArgs([])).toEqual({ port: 0 });
    expect(parseServeArgs(['--port', '8080', '--data', '/tmp/x'])).toEqual({ port: 8080, dataDir: '/tmp/x' });
    expect(parseServeArgs(['--persist-secrets'])).toEqual({ port: 0, persistSecrets: true });
  });

  it('names the bad flag', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port'])).toThrow(/got nothing/);
    expect(() => parseServeArgs(['--data'])).toThrow(/--data/);
    expect(() => parseServeArgs(['--verbose'])).toThrow(/Unknown option "--verbose"/);
  });
});
