// The local Batch account's linked (auto-storage) account: how the emulator reaches it, and the
// `<data>/linked-storage.json` file that lets CLI subcommands find it (the key stays in its own file).
import {
  AnonymousCredential,
  BlobServiceClient,
  ContainerClient,
  newPipeline,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from '@azure/storage-blob';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A storage account reached with its shared key. */
export interface LinkedStorage {
  accountName: string;
  accountKey: string;
  /** Account URL, path-style for Azurite: `http://127.0.0.1:PORT/<account>`. */
  blobUrl: string;
}

/** What `<data>/linked-storage.json` holds: no key, only where it is kept. */
export interface LinkedStorageFile {
  blobUrl: string;
  accountName: string;
  keyFile: string;
}

/** The file a running emulator records its linked storage in. */
export function linkedStorageFile(dataDir: string): string {
  return join(dataDir, 'linked-storage.json');
}

/** The file the emulator keeps a key it was given in memory, when it was not told the key's own file. */
export function linkedStorageKeyFile(dataDir: string): string {
  return join(dataDir, 'linked-storage.key');
}

/** Storage account names as Azure allows them: 3-24 lowercase letters and digits. */
export const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

/** True for an absolute http(s) URL without query or fragment. */
export function isStorageUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

/** Reads a key file: one base64 line. */
export async function readKeyFile(file: string): Promise<string> {
  const key = (await readFile(file, 'utf8')).trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) throw new Error(`The storage key file ${file} does not hold a base64 key.`);
  return key;
}

/** Records linked storage for CLI subcommands; the key goes to `keyFile`, or to the data folder when none is named. */
export async function writeLinkedStorage(dataDir: string, storage: LinkedStorage, keyFile?: string): Promise<LinkedStorageFile> {
  let file = keyFile;
  if (file === undefined) {
    file = linkedStorageKeyFile(dataDir);
    await writeFile(file, `${storage.accountKey}\n`, { mode: 0o600 });
  }
  const record: LinkedStorageFile = { blobUrl: storage.blobUrl, accountName: storage.accountName, keyFile: file };
  await writeFile(linkedStorageFile(dataDir), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/** The linked storage an emulator recorded in `dataDir`, with its key read from the key file. */
export async function readLinkedStorage(dataDir: string): Promise<LinkedStorage> {
  const path = linkedStorageFile(dataDir);
  let record: Partial<LinkedStorageFile>;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as Partial<LinkedStorageFile>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`No linked storage is recorded in ${dataDir} (no linked-storage.json): start the emulator with storage first, or give --storage-url, --storage-account and --storage-key-file.`);
    }
    throw new Error(`${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof record.blobUrl !== 'string' || typeof record.accountName !== 'string' || typeof record.keyFile !== 'string') {
    throw new Error(`${path} lacks blobUrl, accountName or keyFile.`);
  }
  return { blobUrl: record.blobUrl, accountName: record.accountName, accountKey: await readKeyFile(record.keyFile) };
}

/**
 * Retries of the emulator's own storage calls (downloads, uploads): a couple of quick ones, so a
 * failing transfer reports in seconds rather than after the SDK's default minute of backing off.
 */
export const STORAGE_RETRY: StoragePipelineOptions = { retryOptions: { maxTries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } };

/** A client for a container URL that carries its own authorization (a SAS, or none for public access). */
export function sasContainer(url: string): ContainerClient {
  return new ContainerClient(url, newPipeline(new AnonymousCredential(), STORAGE_RETRY));
}

/** A Blob service client for the linked account, signed with its shared key. */
export function blobService(storage: LinkedStorage): BlobServiceClient {
  return new BlobServiceClient(storage.blobUrl, new StorageSharedKeyCredential(storage.accountName, storage.accountKey), STORAGE_RETRY);
}
