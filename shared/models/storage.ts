// Plain-JSON models for an account's linked (auto-storage) account: the Data view, task outputs and application packages.

/** How main reaches an account's linked storage, or why it cannot. */
export interface LinkedStorageInfo {
  available: boolean;
  /** The storage account's name, when known. */
  accountName?: string;
  /** The blob endpoint without any credential, such as `https://name.blob.core.windows.net`. */
  blobEndpoint?: string;
  /** How main authenticates: the account's shared key (local account, ARM keys) or an Entra ID token. */
  auth?: 'sharedKey' | 'entra';
  /** Why the storage is not available (no auto-storage configured, no permission, shared-key Batch account…). */
  reason?: string;
}

/** One blob container. File groups are the `fgrp-` containers Batch Explorer creates. */
export interface ContainerSummary {
  name: string;
  lastModified?: string;
  /** The file group's name (the container name without `fgrp-`), when this container is one. */
  fileGroup?: string;
}

/** One page of containers. */
export interface ContainerPage {
  items: ContainerSummary[];
  continuation?: string;
}

/** One blob in a listing. */
export interface BlobSummary {
  name: string;
  size: number;
  lastModified?: string;
  contentType?: string;
}

/** One page of a container listed one folder at a time: blobs at this level and the sub-folders (ending in `/`). */
export interface BlobPage {
  folders: string[];
  blobs: BlobSummary[];
  continuation?: string;
}

/** What `storage.deleteBlobs` did; nothing fails silently. */
export interface DeleteBlobsResult {
  deleted: number;
  failed: { name: string; message: string }[];
}

/** Where the renderer sends the bytes of each file of an upload: one single-use same-origin URL per file. */
export interface UploadPlan {
  operationId: string;
  uploads: { path: string; url: string }[];
}

/** Progress of an upload or a download, keyed by the caller's operationId. */
export interface TransferProgress {
  operationId: string;
  direction: 'upload' | 'download';
  bytesDone: number;
  bytesTotal?: number;
  filesDone: number;
  filesTotal?: number;
  currentFile?: string;
  /** Set once, on the last event of the operation. */
  outcome?: 'done' | 'cancelled' | 'failed';
  /** The first failure's message, when `outcome` is `failed` (or some files failed). */
  error?: string;
  failedFiles?: number;
}

/** A shared access signature URL the user asked for, with its expiry. */
export interface SasUrl {
  url: string;
  expiresOn: string;
  permissions: string;
}

/** One `outputFiles` destination of a task and the blobs found there. */
export interface TaskOutputDestination {
  index: number;
  filePattern: string;
  uploadCondition: 'taskSuccess' | 'taskFailure' | 'taskCompletion';
  /** The container URL without its SAS query. */
  container: string;
  /** The blob path (or virtual folder) the pattern uploads to, when given. */
  path?: string;
  blobs: BlobSummary[];
  /** True when more blobs matched than were listed. */
  truncated: boolean;
  /** Why the destination could not be listed (expired SAS, container gone, no list permission…). */
  error?: { code: string; message: string };
}

/** A task's output destinations. */
export interface TaskOutputs {
  destinations: TaskOutputDestination[];
}

/** One version of an application package. */
export interface PackageVersion {
  version: string;
  state: 'pending' | 'active';
  format?: string;
  lastActivationTime?: string;
  size?: number;
}

/** One application with its package versions. */
export interface ApplicationView {
  id: string;
  displayName?: string;
  defaultVersion?: string;
  versions: PackageVersion[];
}
