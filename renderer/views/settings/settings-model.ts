import type { CloudName, SecretStorageStatus, SettingsView } from '../../../shared/models';

/** The Entra ID clouds, in the order the picker shows them. */
export const CLOUD_OPTIONS: readonly { value: CloudName; label: string }[] = [
  { value: 'public', label: 'Azure (public cloud)' },
  { value: 'usGovernment', label: 'Azure US Government' },
  { value: 'china', label: 'Azure China (21Vianet)' },
];

/** True for a cloud name the contract accepts. */
export function isCloudName(value: unknown): value is CloudName {
  return CLOUD_OPTIONS.some((option) => option.value === value);
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The message for a client id that cannot be used, or undefined; empty means "use the default". */
export function clientIdError(text: string): string | undefined {
  const value = text.trim();
  if (!value || GUID.test(value)) return undefined;
  return 'The client id must be a GUID such as 00000000-0000-0000-0000-000000000000, or empty for the default';
}

/** The `settings.update` change for the Entra ID fields; an empty client id goes back to the default. */
export function entraPatch(cloud: CloudName, clientIdText: string): { entra: { cloud: CloudName; clientId: string | null } } {
  const clientId = clientIdText.trim();
  return { entra: { cloud, clientId: clientId ? clientId : null } };
}

/** True when the form differs from the settings in force. */
export function entraChanged(view: Pick<SettingsView, 'entra'>, cloud: CloudName, clientIdText: string): boolean {
  return view.entra.cloud !== cloud || (view.entra.clientId ?? '') !== clientIdText.trim();
}

/** How the secret storage mode is badged. */
export function secretStorageBadge(mode: SecretStorageStatus['mode']): { label: string; colour: 'success' | 'warning' | 'danger' } {
  if (mode === 'encrypted') return { label: 'Encrypted by the operating system', colour: 'success' };
  if (mode === 'memory') return { label: 'Kept in memory for this session only', colour: 'warning' };
  return { label: 'Stored without OS encryption', colour: 'danger' };
}

/** The opt-in is offered when secrets would otherwise be forgotten at exit, and stays visible while it is on so it can be turned off. */
export function offersUnencryptedOptIn(view: Pick<SettingsView, 'storeSecretsWithoutEncryption' | 'secretStorage'>): boolean {
  return view.secretStorage.mode === 'memory' || view.storeSecretsWithoutEncryption;
}
