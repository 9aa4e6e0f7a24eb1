/** Where main keeps secrets (account keys, the MSAL token cache). Implementations never write plaintext to disk. */
export interface SecretVault {
  /** True when secrets survive a restart (encrypted at rest); false when they live in memory for this session only. */
  readonly persistent: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every stored key name, so secrets can be carried over when the vault is reopened in another mode. */
  keys(): Promise<string[]>;
}

/** A vault that keeps secrets in this process only: used where the OS offers no real encryption. */
export class MemoryVault implements SecretVault {
  readonly persistent = false;
  private readonly secrets = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.secrets.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.secrets.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.secrets.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.secrets.keys()];
  }
}
