// The Microsoft Entra ID services main wires into the contract.
export { AuthErrorCodes } from './auth-errors';
export { BatchTokenCredentials, createBatchCredentials } from './batch-credentials';
export { CLOUDS, DEFAULT_CLIENT_ID, batchScopeFor, isCloudId, type CloudConfig, type CloudId } from './clouds';
export {
  EntraAuth,
  type AuthLog,
  type AuthorityOverrides,
  type DeviceCodeSignInOptions,
  type EntraAuthOptions,
  type InteractiveSignInOptions,
  type TokenOptions,
} from './entra-auth';
export type { AccessTokenResult, DeviceCodePrompt, EntraIdentity } from './identity';
export { toTokenCredential, type TokenSource } from './token-credential';
