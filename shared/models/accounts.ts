// Plain-JSON account models. Nothing here ever holds a key, a token or a password.

export type AccountKind = 'local' | 'sharedKey' | 'entra';

/** What the last check of an account found. */
export type AccountStatus = 'unknown' | 'connected' | 'authFailed' | 'unreachable' | 'signInNeeded' | 'error';

export type CloudName = 'public' | 'usGovernment' | 'china';

/** Where an Entra ID account came from: the identity that signed in and the ARM resource it was discovered as. */
export interface EntraAccountRef {
  identityId: string;
  username: string;
  tenantId: string;
  cloud: CloudName;
  subscriptionId?: string;
  resourceGroup?: string;
  resourceId?: string;
}

export interface AccountSummary {
  id: string;
  kind: AccountKind;
  displayName: string;
  accountName: string;
  url: string;
  favourite: boolean;
  status: AccountStatus;
  /** The reason behind a status other than connected, naming the problem. */
  statusMessage?: string;
  /** The service's or the app's error code behind the status, when there is one. */
  statusCode?: string;
  checkedAt?: string;
  entra?: EntraAccountRef;
  quotas?: BatchAccountQuotas;
}

/** Account quotas; ARM leaves the core quotas out for UserSubscription accounts (they live on the subscription). */
export interface BatchAccountQuotas {
  dedicatedCores?: number;
  lowPriorityCores?: number;
  pools?: number;
  activeJobsAndJobSchedules?: number;
  dedicatedCoresPerVmFamilyEnforced?: boolean;
  dedicatedCoresPerVmFamily?: { name: string; coreQuota: number }[];
}

/** A signed-in Microsoft Entra ID identity (no tokens). */
export interface EntraIdentitySummary {
  id: string;
  username: string;
  name?: string;
  homeTenantId: string;
  tenantIds: string[];
  cloud: string;
}

/** A tenant the signed-in identity belongs to. */
export interface DiscoveredTenant {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

/** A subscription visible in one tenant. */
export interface DiscoveredSubscription {
  subscriptionId: string;
  displayName?: string;
  state?: string;
  tenantId: string;
}

/** A Batch account found through ARM, ready to be offered in "add accounts" (no keys). */
export interface DiscoveredBatchAccount {
  /** The ARM resource id. */
  id: string;
  name: string;
  resourceGroup: string;
  location?: string;
  /** Host name as ARM gives it, e.g. `myaccount.westeurope.batch.azure.com`. */
  accountEndpoint: string;
  /** The data-plane URL: `https://<accountEndpoint>`. */
  url: string;
  subscriptionId: string;
  tenantId: string;
  poolAllocationMode?: string;
  /** Data-plane auth modes the account allows (e.g. only `AAD` for Entra-only accounts). */
  allowedAuthenticationModes?: string[];
  publicNetworkAccess?: string;
  provisioningState?: string;
  quotas?: BatchAccountQuotas;
}

/** Something discovery could not list; the rest of the results still count. */
export interface DiscoveryProblem {
  scope: 'tenants' | 'tenant' | 'subscription';
  tenantId?: string;
  subscriptionId?: string;
  code: string;
  message: string;
}

/** Everything one discovery run found. */
export interface DiscoveryResult {
  tenants: DiscoveredTenant[];
  subscriptions: DiscoveredSubscription[];
  accounts: DiscoveredBatchAccount[];
  problems: DiscoveryProblem[];
}

/** Node counts of one pool by state, as `account.listPoolNodeCounts` gives them. */
export interface NodeCountsByState {
  creating: number;
  idle: number;
  offline: number;
  preempted: number;
  rebooting: number;
  reimaging: number;
  running: number;
  starting: number;
  startTaskFailed: number;
  leavingPool: number;
  unknown: number;
  unusable: number;
  waitingForStartTask: number;
  total: number;
}

export interface PoolNodeCounts {
  poolId: string;
  dedicated: NodeCountsByState;
  lowPriority: NodeCountsByState;
}

/** The account dashboard: nodes by state per pool, jobs by state, and quotas where the account type gives them. */
export interface AccountDashboard {
  accountId: string;
  pools: PoolNodeCounts[];
  jobsByState: Record<string, number>;
  /** True when the account has more jobs than the dashboard counts. */
  jobsTruncated: boolean;
  quotas?: BatchAccountQuotas;
  fetchedAt: string;
}

/** How secrets are kept on this machine, for Settings to explain. */
export interface SecretStorageStatus {
  mode: 'encrypted' | 'memory' | 'weak';
  backend?: string;
  message: string;
}

/** Settings as the renderer sees them. */
export interface SettingsView {
  storeSecretsWithoutEncryption: boolean;
  entra: { cloud: CloudName; clientId?: string; defaultClientId: string };
  secretStorage: SecretStorageStatus;
}

/** A device-code sign-in prompt, pushed to the renderer while the sign-in waits. */
export interface DeviceCodeNotice {
  requestId: string;
  userCode: string;
  verificationUri: string;
  message: string;
  expiresOn: number;
}

/** What "Run sample workload" created. */
export interface SampleWorkload {
  poolId: string;
  jobId: string;
  taskCount: number;
  /** The file group holding the inputs, when the account has linked storage. */
  inputContainer?: string;
  /** The container the tasks upload their outputs to, when the account has linked storage. */
  outputContainer?: string;
  /** The application package the tasks run, when the account has linked storage. */
  applicationId?: string;
}
