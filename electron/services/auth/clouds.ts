/** The Azure clouds Batch Lens can sign in to. */
export type CloudId = 'public' | 'usGovernment' | 'china';

/** Everything that differs between clouds for sign-in, ARM and the Batch data plane. */
export interface CloudConfig {
  /** A known cloud id, or another name for a custom (e.g. test) cloud. */
  id: CloudId | (string & {});
  displayName: string;
  /** Entra ID login host, no trailing slash, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string;
  /** Azure Resource Manager endpoint, no trailing slash. */
  armEndpoint: string;
  /** Scope for ARM calls (discovery). */
  armScope: string;
  /** The Batch data-plane resource id; it ends with a slash. */
  batchResource: string;
  /** Scope for Batch data-plane calls: the resource followed by `/.default`, hence the double slash. */
  batchScope: string;
}

/**
 * Default public client id: the Azure CLI's first-party app (04b07795-8ddb-461a-bbee-02f9e1bf7b46).
 * Batch Explorer ships with this same id. It is multi-tenant, exists in every tenant without an admin having to
 * register or consent to a new app, is pre-authorized for ARM and for Azure Batch (user_impersonation), allows the
 * http://localhost loopback redirect and the device code flow, and exists in the US Government and China clouds too.
 * Organisations that want sign-ins attributed to their own registration (or that block the CLI app with
 * Conditional Access) set their own public client id instead: it needs the "Mobile and desktop" platform with
 * redirect URI http://localhost, "Allow public client flows" on, and delegated permissions for Azure Service
 * Management and Azure Batch.
 */
export const DEFAULT_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/** Builds the data-plane scope from a Batch resource id, keeping its trailing slash (so public gives `...net//.default`). */
export function batchScopeFor(batchResource: string): string {
  return `${batchResource}/.default`;
}

function cloud(
  id: CloudId,
  displayName: string,
  authorityHost: string,
  armEndpoint: string,
  batchResource: string,
): CloudConfig {
  return {
    id,
    displayName,
    authorityHost,
    armEndpoint,
    armScope: `${armEndpoint}/.default`,
    batchResource,
    batchScope: batchScopeFor(batchResource),
  };
}

/** The three supported clouds. */
export const CLOUDS: Readonly<Record<CloudId, CloudConfig>> = {
  public: cloud(
    'public',
    'Azure (public)',
    'https://login.microsoftonline.com',
    'https://management.azure.com',
    'https://batch.core.windows.net/',
  ),
  usGovernment: cloud(
    'usGovernment',
    'Azure US Government',
    'https://login.microsoftonline.us',
    'https://management.usgovcloudapi.net',
    'https://batch.core.usgovcloudapi.net/',
  ),
  china: cloud(
    'china',
    'Azure China (21Vianet)',
    'https://login.chinacloudapi.cn',
    'https://management.chinacloudapi.cn',
    'https://batch.chinacloudapi.cn/',
  ),
};

/** True for the ids of the built-in clouds. */
export function isCloudId(value: string): value is CloudId {
  return Object.prototype.hasOwnProperty.call(CLOUDS, value);
}
