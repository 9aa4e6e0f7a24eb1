import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRequestSchemas, outputPath, readSpec } from './generate.js';

describe('requestSchemas.ts', () => {
  it('is what the generator makes from the shared spec (run `npx tsx emulator/schema/generate.ts` if not)', () => {
    expect(readFileSync(outputPath(), 'utf8')).toBe(generateRequestSchemas(readSpec()));
  });
});
