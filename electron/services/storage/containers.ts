import type { BlobServiceClient } from '@azure/storage-blob';
import type { ContainerPage, ContainerSummary } from '../../../shared/models';
import { firstPage } from './blobs';

/** Batch Explorer's file groups are containers named `fgrp-<group>`. */
export const FILE_GROUP_PREFIX = 'fgrp-';
const PAGE_SIZE = 500;

/** A container as the renderer sees it, with its file group's name when it is one. */
export function containerSummary(name: string, lastModified?: Date): ContainerSummary {
  return {
    name,
    ...(lastModified ? { lastModified: lastModified.toISOString() } : {}),
    ...(name.startsWith(FILE_GROUP_PREFIX) && name.length > FILE_GROUP_PREFIX.length ? { fileGroup: name.slice(FILE_GROUP_PREFIX.length) } : {}),
  };
}

/** One page of containers, optionally under a name prefix. */
export async function listContainers(service: BlobServiceClient, options: { prefix?: string; continuation?: string }, signal?: AbortSignal): Promise<ContainerPage> {
  const value = await firstPage(
    service
      .listContainers({ ...(options.prefix ? { prefix: options.prefix } : {}), abortSignal: signal })
      .byPage({ maxPageSize: PAGE_SIZE, ...(options.continuation ? { continuationToken: options.continuation } : {}) }),
  );
  if (!value) return { items: [] };
  const items = (value.containerItems ?? []).map((c) => containerSummary(c.name, c.properties.lastModified));
  return { items, ...(value.continuationToken ? { continuation: value.continuationToken } : {}) };
}

/** Creates a container (private: no anonymous access). */
export async function createContainer(service: BlobServiceClient, name: string, signal?: AbortSignal): Promise<ContainerSummary> {
  const response = await service.getContainerClient(name).create({ abortSignal: signal });
  return containerSummary(name, response.lastModified);
}

/** Deletes a container and every blob in it. */
export async function deleteContainer(service: BlobServiceClient, name: string, signal?: AbortSignal): Promise<{ deleted: boolean }> {
  await service.getContainerClient(name).delete({ abortSignal: signal });
  return { deleted: true };
}
