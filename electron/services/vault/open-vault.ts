import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cipher } from './cipher';
import { EncryptedFileVault } from './encrypted-file-vault';
import { VaultFileBlockedError, type OpenedVault } from './file-vault';
import { PlaintextFileVault } from './plaintext-file-vault';
import { MemoryVault, type SecretVault } from './vault';

/**
 * The vault files inside the data folder. Strong and weak storage use different files, so a weak session never
 * overwrites (or reads) what the OS keystore protected, and strong storage never trusts weakly stored values.
 */
export const VAULT_FILES = {
  encrypted: 'secrets.vault.json',
  weakEncrypted: 'secrets.weak.vault.json',
  plaintext: 'secrets.plaintext.json',
} as const;

/** How secrets are kept this session: encrypted by the OS, in memory only, or on disk without real protection. */
export type VaultMode = 'encrypted' | 'memory' | 'weak';

/** Plain JSON for Settings to show. */
export interface VaultStatus {
  mode: VaultMode;
  /** The OS keystore in use or considered, when there is one. */
  backend?: string;
  /** What the mode means for the user, including any file left over from an earlier session. */
  message: string;
  /** Set when a damaged vault file was backed up and replaced this time; shown once, apart from the standing message. */
  notice?: string;
}

/** Where openVault looks and what the user allowed. */
export interface OpenVaultOptions {
  dataDir: string;
  /** The OS keystore; absent in the web host, which has none. */
  cipher?: Cipher;
  /** The explicit, warned opt-in: the desktop setting or the web host's `--persist-secrets`. */
  allowWeakStorage: boolean;
  now?: () => Date;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function withBackend(status: VaultStatus, cipher: Cipher | undefined): VaultStatus {
  return cipher ? { ...status, backend: cipher.backend } : status;
}

/** Why there is no strong encryption, in the user's terms. */
function whyNoEncryption(cipher: Cipher | undefined): string {
  if (!cipher) return 'this host has no OS keystore';
  if (!cipher.available) return `OS encryption is not available (backend ${cipher.backend})`;
  return `the OS offers no encryption (backend ${cipher.backend})`;
}

/** How to opt in, which differs between the web host (a flag) and the desktop app (a setting). */
function howToOptIn(cipher: Cipher | undefined): string {
  return cipher
    ? 'You can turn on "Store secrets without OS encryption" in Settings to keep them across restarts, but anyone who can read your files could then read them.'
    : 'Start the web host with --persist-secrets to keep them in a file readable only by your user (mode 0600), unencrypted.';
}

/**
 * Picks and opens the vault for this session. A strong cipher gives the encrypted file; no strong cipher gives
 * memory only, unless the user opted in, when secrets go to the weak file (encrypted by the weak backend if one
 * works, else plain text). Never throws for a damaged or unusable file and never deletes another mode's file.
 */
export async function openVault(options: OpenVaultOptions): Promise<{ vault: SecretVault; status: VaultStatus }> {
  const { dataDir, cipher, allowWeakStorage } = options;
  const now = options.now?.() ?? new Date();
  const paths = {
    encrypted: join(dataDir, VAULT_FILES.encrypted),
    weakEncrypted: join(dataDir, VAULT_FILES.weakEncrypted),
    plaintext: join(dataDir, VAULT_FILES.plaintext),
  };
  const strongLeftover = (await exists(paths.encrypted))
    ? ` An encrypted secrets file from an earlier session (${paths.encrypted}) is kept untouched; its secrets come back once OS encryption is available again.`
    : '';
  const weakLeftover = async (inUse?: string): Promise<string> => {
    const found: string[] = [];
    for (const path of [paths.weakEncrypted, paths.plaintext]) if (path !== inUse && (await exists(path))) found.push(path);
    return found.length === 0
      ? ''
      : ` Secrets stored without OS encryption by an earlier session are still in ${found.join(' and ')}; remove them if you no longer want them on disk.`;
  };

  const memory = async (message: string): Promise<{ vault: SecretVault; status: VaultStatus }> => ({
    vault: new MemoryVault(),
    status: withBackend({ mode: 'memory', message: `${message}${await weakLeftover()}` }, cipher),
  });
  const fileVault = async (
    open: () => Promise<OpenedVault<SecretVault>>,
    mode: 'encrypted' | 'weak',
    message: string,
  ): Promise<{ vault: SecretVault; status: VaultStatus }> => {
    try {
      const { vault, notice } = await open();
      const status = withBackend({ mode, message }, cipher);
      return { vault, status: notice === undefined ? status : { ...status, notice } };
    } catch (error) {
      // Loading only backs up and atomically rewrites, so whatever failed, the file's content is still on disk.
      const problem =
        error instanceof VaultFileBlockedError
          ? error.message
          : `The secrets file could not be opened (${error instanceof Error ? error.message : String(error)}).`;
      return memory(`${problem} It is left untouched and secrets are kept in memory for this session.`);
    }
  };

  if (cipher?.strong && cipher.available) {
    return fileVault(
      () => EncryptedFileVault.open(paths.encrypted, cipher, now),
      'encrypted',
      `Secrets are encrypted by the OS keystore (${cipher.backend}) and stored in ${paths.encrypted}.${await weakLeftover()}`,
    );
  }
  if (!allowWeakStorage) {
    return memory(
      `Secrets are kept in memory for this session because ${whyNoEncryption(cipher)}; they are forgotten when the app quits. ${howToOptIn(cipher)}${strongLeftover}`,
    );
  }
  if (cipher?.available) {
    return fileVault(
      () => EncryptedFileVault.open(paths.weakEncrypted, cipher, now),
      'weak',
      `Warning: secrets are stored in ${paths.weakEncrypted} without real protection. The ${cipher.backend} backend encrypts them with a key built into the app, which only obscures them: anyone who can read your files can recover them. You chose this with "Store secrets without OS encryption".${strongLeftover}${await weakLeftover(paths.weakEncrypted)}`,
    );
  }
  const reason = cipher
    ? 'You chose this with "Store secrets without OS encryption".'
    : 'The web host was started with --persist-secrets.';
  return fileVault(
    () => PlaintextFileVault.open(paths.plaintext, now),
    'weak',
    `Warning: secrets are stored UNENCRYPTED in ${paths.plaintext}, readable by anyone who can read your files (the file has mode 0600: only your user account). ${reason}${strongLeftover}${await weakLeftover(paths.plaintext)}`,
  );
}

/** Deletes the weak secrets files (after the user turns the opt-in off); returns the paths it removed. */
export async function removeWeakSecretFiles(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of [VAULT_FILES.weakEncrypted, VAULT_FILES.plaintext]) {
    const path = join(dataDir, name);
    try {
      await unlink(path);
      removed.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
