import {
  BlobSASPermissions,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  type BlobSASSignatureValues,
} from '@azure/storage-blob';
import { AppError } from '../../../shared/errors';
import type { SasUrl } from '../../../shared/models';
import type { LinkedStorage } from './linked';

/** The longest user delegation SAS the service signs: seven days. */
export const MAX_USER_DELEGATION_MINUTES = 7 * 24 * 60;
/** Starting a little in the past absorbs clock skew between this machine and the service. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface SasRequest {
  container: string;
  name?: string;
  permissions: string;
  expiresInMinutes: number;
}

/** The blob or container URL with each path segment encoded, as the service expects it. */
function resourceUrl(storage: LinkedStorage, container: string, name?: string): string {
  const containerClient = storage.service.getContainerClient(container);
  return name === undefined ? containerClient.url : containerClient.getBlobClient(name).url;
}

/** A SAS URL for a blob (or a whole container when `name` is absent): shared key, or an Entra user delegation key. */
export async function createSas(storage: LinkedStorage, request: SasRequest, now = new Date(), signal?: AbortSignal): Promise<SasUrl> {
  const forBlob = request.name !== undefined;
  if (forBlob && request.permissions.includes('l')) {
    throw new AppError({ code: 'BadRequest', message: 'List applies to a container SAS only; leave it out for a blob', status: 400 });
  }
  const startsOn = new Date(now.getTime() - CLOCK_SKEW_MS);
  const expiresOn = new Date(now.getTime() + request.expiresInMinutes * 60_000);
  const values: BlobSASSignatureValues = {
    containerName: request.container,
    ...(forBlob ? { blobName: request.name } : {}),
    permissions: forBlob ? BlobSASPermissions.parse(request.permissions) : ContainerSASPermissions.parse(request.permissions),
    startsOn,
    expiresOn,
  };
  let query: string;
  if (storage.sharedKey) {
    query = generateBlobSASQueryParameters(values, storage.sharedKey).toString();
  } else {
    if (request.expiresInMinutes > MAX_USER_DELEGATION_MINUTES) {
      throw new AppError({
        code: 'BadRequest',
        message: 'A SAS signed with your Entra ID sign-in lasts at most 7 days (the account key is not available to this identity)',
        status: 400,
      });
    }
    const key = await storage.service.getUserDelegationKey(startsOn, expiresOn, { abortSignal: signal });
    query = generateBlobSASQueryParameters(values, key, storage.info.accountName).toString();
  }
  return { url: `${resourceUrl(storage, request.container, request.name)}?${query}`, expiresOn: expiresOn.toISOString(), permissions: request.permissions };
}
