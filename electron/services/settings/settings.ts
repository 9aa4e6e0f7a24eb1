import { join } from 'node:path';
import { z } from 'zod';
import { JsonFileStore } from './json-file-store';

/** The app settings file inside the data folder; the account list lives in its own file. */
export const SETTINGS_FILE = 'settings.json';

/** The national clouds Entra sign-in can target; each has its own authority, ARM endpoint and Batch resource. */
export const entraClouds = ['public', 'usGovernment', 'china'] as const;

/**
 * The app settings. Every field has a default, so a file written by an older version (missing newer fields) still
 * loads; a field of the wrong type makes the file invalid.
 */
export const appSettingsSchema = z.object({
  /** The user's explicit, warned opt-in to keep secrets on disk when the OS offers no real encryption. */
  storeSecretsWithoutEncryption: z.boolean().default(false),
  entra: z
    .object({
      cloud: z.enum(entraClouds).default('public'),
      /** An app registration's client id; absent means the documented default. */
      clientId: z.guid().optional(),
    })
    .default({ cloud: 'public' }),
  refresh: z.object({ paused: z.boolean().default(false) }).default({ paused: false }),
});

/** The validated app settings. */
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** A fresh copy of the default settings. */
export function defaultSettings(): AppSettings {
  return { storeSecretsWithoutEncryption: false, entra: { cloud: 'public' }, refresh: { paused: false } };
}

/** The settings store for a data folder, its value, and a notice when a damaged file had to be recovered. */
export interface LoadedSettings {
  store: JsonFileStore<AppSettings>;
  settings: AppSettings;
  notice?: string;
}

/** Opens `<dataDir>/settings.json`, recovering a damaged file; never throws for a bad file. */
export async function loadSettings(dataDir: string, now?: () => Date): Promise<LoadedSettings> {
  const store = new JsonFileStore<AppSettings>({
    path: join(dataDir, SETTINGS_FILE),
    schema: appSettingsSchema,
    defaults: defaultSettings,
    now,
  });
  const { value, notice } = await store.load();
  return notice === undefined ? { store, settings: value } : { store, settings: value, notice };
}
