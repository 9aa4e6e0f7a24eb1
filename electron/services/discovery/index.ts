// ARM discovery of Batch accounts, for the "add accounts" flow after an Entra ID sign-in.
export { listBatchAccounts, listSubscriptions, listTenants, toDiscoveredAccount, type ArmOptions } from './arm';
export { discoverBatchAccounts, type DiscoveryInput } from './discover';
