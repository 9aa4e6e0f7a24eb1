import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretVault } from '../../vault/vault';

/**
 * TEST ONLY: a vault kept as a plain JSON file, standing in for the real encrypted vault so a test can tell "inside
 * the vault's storage" from "anywhere else in the data folder". Never use it outside tests: it is not encrypted.
 */
export class FileTestVault implements SecretVault {
  readonly persistent = true;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  async get(key: string): Promise<string | undefined> {
    return this.read()[key];
  }

  async set(key: string, value: string): Promise<void> {
    writeFileSync(this.file, JSON.stringify({ ...this.read(), [key]: value }), { mode: 0o600 });
  }

  async keys(): Promise<string[]> {
    return Object.keys(this.read());
  }

  async delete(key: string): Promise<void> {
    const all = this.read();
    delete all[key];
    writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
  }
}
