import type { Page } from '@playwright/test';
import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import { WebHostPaths } from '../../shared/transport';

/**
 * Makes one contract call through the web host with the page's session cookie, the way the app itself does;
 * tests use it to set the scene (pools, jobs, tasks) quickly and to read what a file holds.
 */
export async function callApi<N extends CallName>(page: Page, origin: string, name: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const response = await page.request.post(`${origin}${WebHostPaths.api}${name}`, { data: args, headers: { Origin: origin } });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error?.code}: ${envelope.error?.message}`);
  return envelope.value as CallResult<N>;
}

/** A small Linux pool on the local emulator (optionally with a start task). */
export function poolSpec(id: string, nodes: number, startTask?: { commandLine: string }): CallArgs<'pools.add'>['pool'] {
  return {
    id,
    vmSize: 'standard_d2s_v3',
    targetDedicatedNodes: nodes,
    virtualMachineConfiguration: {
      imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    },
    ...(startTask ? { startTask: { ...startTask, waitForSuccess: true, maxTaskRetryCount: 0 } } : {}),
  };
}

/** Polls until every task of the job has completed. */
export async function waitForJobTasks(page: Page, origin: string, jobId: string, total: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await callApi(page, origin, 'jobs.taskCounts', { accountId: 'local', jobIds: [jobId] });
    if (counts[jobId]?.counts?.completed === total) return;
    if (Date.now() > deadline) throw new Error(`job ${jobId}: tasks did not all complete within ${timeoutMs} ms (${JSON.stringify(counts[jobId])})`);
    await page.waitForTimeout(250);
  }
}
