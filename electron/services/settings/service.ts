import type { SettingsView } from '../../../shared/models';
import { DEFAULT_CLIENT_ID } from '../auth/clouds';
import type { EventBus } from '../events';
import type { Cipher } from '../vault/cipher';
import { openVault, removeWeakSecretFiles, type VaultStatus } from '../vault/open-vault';
import type { SecretVault } from '../vault/vault';
import type { JsonFileStore } from './json-file-store';
import { loadSettings, type AppSettings } from './settings';

export interface SettingsServiceOptions {
  dataDir: string;
  /** The OS keystore (Electron safeStorage); absent under the web host. */
  cipher?: Cipher;
  /** The web host's `--persist-secrets`: the same opt-in as the desktop setting, given on the command line. */
  persistSecrets?: boolean;
  events: EventBus;
}

/** Owns the settings file and the vault, reopening the vault when the user changes how secrets are stored. */
export class SettingsService {
  private store!: JsonFileStore<AppSettings>;
  private settings!: AppSettings;
  private currentVault!: SecretVault;
  private status!: VaultStatus;

  private constructor(private readonly options: SettingsServiceOptions) {}

  /** Loads the settings and opens the vault; damaged files are recovered and reported as notices. */
  static async open(options: SettingsServiceOptions): Promise<SettingsService> {
    const service = new SettingsService(options);
    const loaded = await loadSettings(options.dataDir);
    service.store = loaded.store;
    service.settings = loaded.settings;
    if (loaded.notice) options.events.emit('app.notice', { level: 'warning', message: loaded.notice });
    await service.reopenVault();
    return service;
  }

  /** The vault in force. */
  vault(): SecretVault {
    return this.currentVault;
  }

  /** The settings in force. */
  current(): AppSettings {
    return structuredClone(this.settings);
  }

  private allowWeak(): boolean {
    return this.settings.storeSecretsWithoutEncryption || this.options.persistSecrets === true;
  }

  private async reopenVault(): Promise<void> {
    const previous = this.currentVault;
    const opened = await openVault({ dataDir: this.options.dataDir, allowWeakStorage: this.allowWeak(), ...(this.options.cipher ? { cipher: this.options.cipher } : {}) });
    // Carry secrets over so switching modes loses nothing the user entered this session.
    if (previous) {
      for (const key of await previous.keys()) {
        const value = await previous.get(key);
        if (value !== undefined && (await opened.vault.get(key)) === undefined) await opened.vault.set(key, value);
      }
    }
    this.currentVault = opened.vault;
    this.status = opened.status;
    if (opened.status.notice) this.options.events.emit('app.notice', { level: 'warning', message: opened.status.notice });
  }

  /** Settings as the renderer sees them: no secrets, plus how secrets are stored. */
  view(): SettingsView {
    const entra: SettingsView['entra'] = { cloud: this.settings.entra.cloud, defaultClientId: DEFAULT_CLIENT_ID };
    if (this.settings.entra.clientId) entra.clientId = this.settings.entra.clientId;
    const secretStorage: SettingsView['secretStorage'] = { mode: this.status.mode, message: this.status.message };
    if (this.status.backend) secretStorage.backend = this.status.backend;
    return { storeSecretsWithoutEncryption: this.settings.storeSecretsWithoutEncryption, entra, secretStorage };
  }

  /** Applies a change; turning the unencrypted-storage opt-in off also deletes the weak secret files. */
  async update(patch: { storeSecretsWithoutEncryption?: boolean; entra?: { cloud: AppSettings['entra']['cloud']; clientId?: string | null } }): Promise<SettingsView> {
    const before = this.settings.storeSecretsWithoutEncryption;
    this.settings = await this.store.update((current) => {
      const next = { ...current };
      if (patch.storeSecretsWithoutEncryption !== undefined) next.storeSecretsWithoutEncryption = patch.storeSecretsWithoutEncryption;
      if (patch.entra) {
        next.entra = { cloud: patch.entra.cloud };
        const clientId = patch.entra.clientId === undefined ? current.entra.clientId : patch.entra.clientId;
        if (clientId) next.entra.clientId = clientId;
      }
      return next;
    });
    if (before !== this.settings.storeSecretsWithoutEncryption) {
      await this.reopenVault();
      if (!this.allowWeak()) await removeWeakSecretFiles(this.options.dataDir);
    }
    return this.view();
  }
}
