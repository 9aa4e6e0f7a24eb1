// "Run sample workload": a small pool and a job that show Batch Lens at work. With linked storage (Azurite) the job
// uses the whole Batch workflow — inputs as resource files, an application package, outputs uploaded to a container;
// without it, a compute-only job of short tasks, some failing on purpose.
import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import { AppError } from '../../../shared/errors';
import type { SampleWorkload } from '../../../shared/models';
import { AppPackageStore, APP_PACKAGES_CONTAINER } from '../../../emulator/storage/app-packages';
import { serviceError } from '../batch/clients';
import { storageCall } from '../storage/errors';
import type { LinkedStorage } from '../storage/linked';
import { createSas } from '../storage/sas';
import { SAMPLE_APP_ID, SAMPLE_APP_VERSION, sampleAppZip, transformCommand } from './sample-app';

export const SAMPLE_POOL_ID = 'sample-pool';
/** The file group holding the sample's inputs. */
export const SAMPLE_INPUTS = 'fgrp-sample-inputs';
/** The file group the sample's tasks upload their outputs and logs to, under `<jobId>/`. */
export const SAMPLE_OUTPUTS = 'fgrp-sample-outputs';
const TASKS = 12;
/** How long the outputs SAS lasts: long enough for a pool that is slow to start. */
const OUTPUT_SAS_MINUTES = 7 * 24 * 60;

/** The sample's input files: a few lines each, so the transformed output is easy to check by eye. */
export const SAMPLE_INPUT_FILES: Readonly<Record<string, string>> = {
  'input-1.txt': 'the quick brown fox jumps over the lazy dog\n',
  'input-2.txt': 'batch runs many small tasks in parallel\non a pool of nodes\n',
  'input-3.txt': 'inputs arrive as resource files\noutputs leave as output files\n',
  'input-4.txt': 'hello from the local emulator\n',
  'input-5.txt': 'application packages are extracted once per node\n',
  'input-6.txt': 'the job completes when all its tasks have\n',
};

function taskCommand(index: number, fails: boolean, platform: NodeJS.Platform): string {
  const seconds = 2 + (index % 4);
  if (platform === 'win32') {
    const end = fails ? `echo item ${index} could not be processed 1>&2 & exit /b 3` : `echo item ${index} done`;
    return `cmd.exe /c "echo processing item ${index} & ping -n ${seconds + 1} 127.0.0.1 >nul & ${end}"`;
  }
  const end = fails ? `echo "item ${index}: could not be processed" >&2; exit 3` : `echo "item ${index} done"`;
  return `/bin/sh -c "echo processing item ${index}; sleep ${seconds}; ${end}"`;
}

/** The tasks of the compute-only sample job: a few seconds each, every fourth one failing with exit code 3. */
export function sampleTasks(platform: NodeJS.Platform = process.platform): BatchServiceModels.TaskAddParameter[] {
  return Array.from({ length: TASKS }, (_, i) => ({
    id: `item-${String(i + 1).padStart(2, '0')}`,
    displayName: `Process item ${i + 1}`,
    commandLine: taskCommand(i + 1, (i + 1) % 4 === 0, platform),
  }));
}

/** The output name of an input: `input-1.txt` → `output-1.txt`. */
export function outputName(input: string): string {
  return input.replace(/^input-/, 'output-');
}

/**
 * The tasks of the storage sample: one per input, each downloading its input from the file group, running the
 * package's script on it and uploading the result (on success) and its logs (always) under `<jobId>/`.
 */
export function storageTasks(jobId: string, outputsUrl: string, platform: NodeJS.Platform = process.platform): BatchServiceModels.TaskAddParameter[] {
  return Object.keys(SAMPLE_INPUT_FILES).map((input, i) => {
    const id = `transform-${i + 1}`;
    const output = outputName(input);
    return {
      id,
      displayName: `Upper-case ${input}`,
      // 4-8 s of pretend work each: two rounds on the pool's four slots, long enough to watch the nodes busy.
      commandLine: transformCommand(input, output, 4 + (i % 3) * 2, platform),
      resourceFiles: [{ autoStorageContainerName: SAMPLE_INPUTS, blobPrefix: input }],
      applicationPackageReferences: [{ applicationId: SAMPLE_APP_ID, version: SAMPLE_APP_VERSION }],
      outputFiles: [
        {
          filePattern: output,
          destination: { container: { containerUrl: outputsUrl, path: `${jobId}/${output}` } },
          uploadOptions: { uploadCondition: 'tasksuccess' },
        },
        {
          filePattern: '../std*.txt',
          destination: { container: { containerUrl: outputsUrl, path: `${jobId}/${id}` } },
          uploadOptions: { uploadCondition: 'taskcompletion' },
        },
      ],
    };
  });
}

/** The app route of the sample's outputs in the Data view (the same form the Data view's URL state reads). */
export function sampleOutputsLink(jobId: string): string {
  return `/data?${new URLSearchParams({ container: SAMPLE_OUTPUTS, folder: `${jobId}/` }).toString()}`;
}

function jobId(now: Date): string {
  return `sample-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}

async function ensurePool(client: BatchServiceClient): Promise<void> {
  const exists = await client.pool.exists(SAMPLE_POOL_ID);
  if ((exists as unknown as { body?: boolean }).body) return;
  await client.pool.add({
    id: SAMPLE_POOL_ID,
    displayName: 'Sample pool',
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    },
    targetDedicatedNodes: 2,
    taskSlotsPerNode: 2,
  });
}

async function addTasks(client: BatchServiceClient, id: string, tasks: BatchServiceModels.TaskAddParameter[]): Promise<void> {
  const result = await client.task.addCollection(id, tasks);
  const failed = (result.value ?? []).filter((r) => r.status !== 'success');
  if (failed.length > 0) {
    throw new AppError({
      code: 'SampleTasksRejected',
      message: `${failed.length} sample task(s) were not added: ${failed[0]?.error?.message?.value ?? failed[0]?.status}`,
    });
  }
}

/** Uploads the inputs and makes sure `sample-app` 1.0 is there, active and the default; an earlier run's copy is reused. */
async function prepareStorage(storage: LinkedStorage): Promise<void> {
  const inputs = storage.service.getContainerClient(SAMPLE_INPUTS);
  await inputs.createIfNotExists();
  for (const [name, text] of Object.entries(SAMPLE_INPUT_FILES)) {
    await inputs.getBlockBlobClient(name).upload(text, Buffer.byteLength(text), { blobHTTPHeaders: { blobContentType: 'text/plain' } });
  }
  await storage.service.getContainerClient(SAMPLE_OUTPUTS).createIfNotExists();
  const packages = new AppPackageStore(storage.service.getContainerClient(APP_PACKAGES_CONTAINER));
  const existing = (await packages.get(SAMPLE_APP_ID))?.versions.find((v) => v.version === SAMPLE_APP_VERSION);
  if (!existing) {
    const zip = sampleAppZip();
    await packages.addVersion(SAMPLE_APP_ID, SAMPLE_APP_VERSION, zip, zip.length);
  }
  if (existing?.state !== 'active') await packages.activate(SAMPLE_APP_ID, SAMPLE_APP_VERSION);
  await packages.setDefaultVersion(SAMPLE_APP_ID, SAMPLE_APP_VERSION);
}

export interface SampleOptions {
  /** The local account's linked storage; without it the sample is compute-only. */
  storage?: LinkedStorage;
  platform?: NodeJS.Platform;
  now?: Date;
}

/**
 * Creates (or reuses) a small pool and starts the sample job. With linked storage: inputs in a file group, the
 * `sample-app` package, tasks that transform each input and upload the result; the job terminates once every
 * task completes. Returns as soon as everything is created.
 */
export async function runSampleWorkload(client: BatchServiceClient, options: SampleOptions = {}): Promise<SampleWorkload> {
  const platform = options.platform ?? process.platform;
  const id = jobId(options.now ?? new Date());
  const storage = options.storage;
  let outputsUrl: string | undefined;
  if (storage) {
    await storageCall(async () => {
      await prepareStorage(storage);
      outputsUrl = (await createSas(storage, { container: SAMPLE_OUTPUTS, permissions: 'rcw', expiresInMinutes: OUTPUT_SAS_MINUTES })).url;
    }, storage.secrets);
  }
  try {
    await ensurePool(client);
    if (!outputsUrl) {
      await client.job.add({ id, displayName: 'Sample workload', poolInfo: { poolId: SAMPLE_POOL_ID } });
      const tasks = sampleTasks(platform);
      await addTasks(client, id, tasks);
      return { poolId: SAMPLE_POOL_ID, jobId: id, taskCount: tasks.length };
    }
    await client.job.add({ id, displayName: 'Sample workload (inputs, package, outputs)', poolInfo: { poolId: SAMPLE_POOL_ID } });
    const tasks = storageTasks(id, outputsUrl, platform);
    await addTasks(client, id, tasks);
    // Set only once the tasks are in: a job that ends when all its tasks complete could otherwise end with none.
    await client.job.patch(id, { onAllTasksComplete: 'terminatejob' });
    return {
      poolId: SAMPLE_POOL_ID,
      jobId: id,
      taskCount: tasks.length,
      inputContainer: SAMPLE_INPUTS,
      outputContainer: SAMPLE_OUTPUTS,
      applicationId: SAMPLE_APP_ID,
    };
  } catch (error) {
    throw serviceError(error);
  }
}
