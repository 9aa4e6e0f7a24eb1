// A task's `outputFiles` destinations and the blobs found at each, listed with the SAS in the destination's own URL.
import type { BatchServiceModels } from '@azure/batch';
import { ContainerClient } from '@azure/storage-blob';
import { AppError } from '../../../shared/errors';
import type { BlobSummary, TaskOutputDestination, TaskOutputs } from '../../../shared/models';
import { blobSummary, blobsUnder, firstPage, folderPrefix } from './blobs';
import { storageError } from './errors';
import type { LinkedStorage } from './linked';

/** Most blobs listed per destination; the rest is flagged `truncated`. */
export const MAX_OUTPUT_BLOBS = 1000;

const CONDITIONS: Record<string, TaskOutputDestination['uploadCondition']> = {
  tasksuccess: 'taskSuccess',
  taskfailure: 'taskFailure',
  taskcompletion: 'taskCompletion',
};

/** Where one destination's blobs are: a client for its container, and a folder prefix or one exact blob name. */
export interface OutputLocation {
  container: ContainerClient;
  /** The container URL without its SAS query. */
  containerUrl: string;
  path?: string;
  /** Set when the pattern names one file: the one blob it uploads to. */
  exact?: string;
  /** Set when the pattern has wildcards: the virtual folder it uploads under ('' for the root). */
  prefix?: string;
  secrets: string[];
}

/** True when a Batch file pattern has wildcards and so may upload many files. */
export function hasWildcards(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** Resolves one output file spec to its container and blob location; the linked storage signs when the URL has no SAS. */
export function outputLocation(spec: BatchServiceModels.OutputFile, linked?: LinkedStorage): OutputLocation {
  const raw = spec.destination.container?.containerUrl;
  if (!raw) throw new AppError({ code: 'UnsupportedDestination', message: 'This output file has no blob container destination', status: 400 });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError({ code: 'BadContainerUrl', message: 'The destination container URL is not a valid URL', status: 400 });
  }
  const sas = url.search.replace(/^\?/, '');
  const containerUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  const sig = url.searchParams.get('sig') ?? '';
  const secrets = [sas, sig, encodeURIComponent(sig)].filter((s) => s.length >= 8);
  const containerName = decodeURIComponent(containerUrl.split('/').pop() ?? '');
  const inLinked = linked && containerUrl.toLowerCase() === linked.service.getContainerClient(containerName).url.toLowerCase().replace(/\/+$/, '');
  // A destination without a SAS (the nodes upload with a managed identity) is listed with the linked account's credential.
  const container = !sig && inLinked && linked ? linked.service.getContainerClient(containerName) : new ContainerClient(raw);
  if (inLinked && linked) secrets.push(...linked.secrets);
  const path = spec.destination.container?.path;
  const location: OutputLocation = { container, containerUrl, secrets, ...(path ? { path } : {}) };
  if (hasWildcards(spec.filePattern)) return { ...location, prefix: folderPrefix(path) };
  const fileName = spec.filePattern.split(/[/\\]/).filter(Boolean).pop() ?? spec.filePattern;
  return { ...location, exact: (path ?? fileName).replace(/^\/+/, '') };
}

async function listAt(location: OutputLocation, signal: AbortSignal | undefined): Promise<{ blobs: BlobSummary[]; truncated: boolean }> {
  if (location.exact === undefined) return blobsUnder(location.container, location.prefix ?? '', MAX_OUTPUT_BLOBS, signal);
  const exact = location.exact;
  const value = await firstPage(location.container.listBlobsFlat({ prefix: exact, abortSignal: signal }).byPage({ maxPageSize: 100 }));
  const item = value?.segment.blobItems.find((b) => b.name === exact);
  return { blobs: item ? [blobSummary(item)] : [], truncated: false };
}

/** Lists every destination of a task's `outputFiles`; a destination that cannot be listed carries its own error. */
export async function taskOutputs(task: BatchServiceModels.CloudTask, linked?: LinkedStorage, signal?: AbortSignal): Promise<TaskOutputs> {
  const specs = task.outputFiles ?? [];
  const destinations = await Promise.all(
    specs.map(async (spec, index): Promise<TaskOutputDestination> => {
      const base: TaskOutputDestination = {
        index,
        filePattern: spec.filePattern,
        uploadCondition: CONDITIONS[String(spec.uploadOptions?.uploadCondition).toLowerCase()] ?? 'taskCompletion',
        container: '',
        blobs: [],
        truncated: false,
      };
      let location: OutputLocation;
      try {
        location = outputLocation(spec, linked);
      } catch (error) {
        const failure = storageError(error);
        return { ...base, error: { code: failure.code, message: failure.message } };
      }
      const described = { ...base, container: location.containerUrl, ...(location.path ? { path: location.path } : {}) };
      try {
        return { ...described, ...(await listAt(location, signal)) };
      } catch (error) {
        const failure = storageError(error, location.secrets);
        return { ...described, error: { code: failure.code, message: failure.message } };
      }
    }),
  );
  return { destinations };
}

/** Confirms a blob belongs to a destination (the user may only download what the task uploads there). */
export function assertInDestination(location: OutputLocation, name: string): void {
  const inside = location.exact !== undefined ? name === location.exact : name.startsWith(location.prefix ?? '') && name !== (location.prefix ?? '');
  if (!inside) throw new AppError({ code: 'BadRequest', message: `${name.slice(0, 200)} is not among this destination's outputs`, status: 400 });
}
