import type { BlobItem, ContainerClient } from '@azure/storage-blob';
import type { BlobPage, BlobSummary, DeleteBlobsResult } from '../../../shared/models';
import { storageError } from './errors';

const DEFAULT_PAGE_SIZE = 1000;
/** Deletes in flight at once: quick for hundreds of blobs without tripping the account's throttling. */
export const DELETE_CONCURRENCY = 8;

/** The first page of a paged listing, or undefined when there is none. */
export async function firstPage<T>(pages: AsyncIterableIterator<T>): Promise<T | undefined> {
  const result = await pages.next();
  return result.done ? undefined : result.value;
}

/** One listed blob as the renderer sees it. */
export function blobSummary(item: Pick<BlobItem, 'name' | 'properties'>): BlobSummary {
  return {
    name: item.name,
    size: item.properties.contentLength ?? 0,
    ...(item.properties.lastModified ? { lastModified: item.properties.lastModified.toISOString() } : {}),
    ...(item.properties.contentType ? { contentType: item.properties.contentType } : {}),
  };
}

/** A folder prefix as the service wants it: '' for the root, otherwise ending in exactly one `/`. */
export function folderPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** One page of a container: one folder level (blobs and sub-folders) or, with `flat`, every blob under the prefix. */
export async function listBlobs(
  container: ContainerClient,
  options: { prefix?: string; flat?: boolean; continuation?: string; maxResults?: number },
  signal?: AbortSignal,
): Promise<BlobPage> {
  const page = { maxPageSize: options.maxResults ?? DEFAULT_PAGE_SIZE, ...(options.continuation ? { continuationToken: options.continuation } : {}) };
  if (options.flat) {
    const prefix = (options.prefix ?? '').replace(/^\/+/, '');
    const value = await firstPage(container.listBlobsFlat({ ...(prefix ? { prefix } : {}), abortSignal: signal }).byPage(page));
    if (!value) return { folders: [], blobs: [] };
    return {
      folders: [],
      blobs: value.segment.blobItems.map(blobSummary),
      ...(value.continuationToken ? { continuation: value.continuationToken } : {}),
    };
  }
  const prefix = folderPrefix(options.prefix);
  const value = await firstPage(container.listBlobsByHierarchy('/', { ...(prefix ? { prefix } : {}), abortSignal: signal }).byPage(page));
  if (!value) return { folders: [], blobs: [] };
  return {
    folders: (value.segment.blobPrefixes ?? []).map((p) => p.name),
    blobs: value.segment.blobItems.map(blobSummary),
    ...(value.continuationToken ? { continuation: value.continuationToken } : {}),
  };
}

/** Every blob under a folder prefix, page by page, up to `limit` (undefined: no limit). */
export async function blobsUnder(container: ContainerClient, prefix: string, limit?: number, signal?: AbortSignal): Promise<{ blobs: BlobSummary[]; truncated: boolean }> {
  const blobs: BlobSummary[] = [];
  for await (const page of container.listBlobsFlat({ ...(prefix ? { prefix } : {}), abortSignal: signal }).byPage({ maxPageSize: 5000 })) {
    for (const item of page.segment.blobItems) {
      if (limit !== undefined && blobs.length >= limit) return { blobs, truncated: true };
      blobs.push(blobSummary(item));
    }
  }
  return { blobs, truncated: false };
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

/** Deletes blobs (a name ending in `/` deletes everything under it) and reports every failure by name. */
export async function deleteBlobs(
  container: ContainerClient,
  names: readonly string[],
  onProgress?: (done: number, total: number, failed: number) => void,
  secrets: readonly string[] = [],
): Promise<DeleteBlobsResult> {
  const failed: DeleteBlobsResult['failed'] = [];
  const targets = new Set<string>();
  for (const name of names) {
    if (!name.endsWith('/')) {
      targets.add(name);
      continue;
    }
    try {
      for (const blob of (await blobsUnder(container, folderPrefix(name))).blobs) targets.add(blob.name);
    } catch (error) {
      failed.push({ name, message: storageError(error, secrets).message });
    }
  }
  const list = [...targets];
  let deleted = 0;
  onProgress?.(0, list.length, failed.length);
  await eachLimited(list, DELETE_CONCURRENCY, async (name) => {
    try {
      await container.deleteBlob(name, { deleteSnapshots: 'include' });
      deleted++;
    } catch (error) {
      failed.push({ name, message: storageError(error, secrets).message });
    }
    onProgress?.(deleted + failed.length, list.length, failed.length);
  });
  return { deleted, failed };
}
