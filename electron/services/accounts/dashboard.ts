import type { BatchServiceClient, BatchServiceModels } from '@azure/batch';
import type { AbortSignalLike } from '@azure/ms-rest-js';
import type { AccountDashboard, NodeCountsByState, PoolNodeCounts } from '../../../shared/models';
import type { AccountsService } from './service';

/** The dashboard counts at most this many jobs (10 pages), so a huge account still answers fast. */
export const DASHBOARD_JOB_LIMIT = 10_000;

const STATES = [
  'creating',
  'idle',
  'offline',
  'preempted',
  'rebooting',
  'reimaging',
  'running',
  'starting',
  'startTaskFailed',
  'leavingPool',
  'unknown',
  'unusable',
  'waitingForStartTask',
  'total',
] as const;

function counts(from: BatchServiceModels.NodeCounts | undefined): NodeCountsByState {
  const out = {} as NodeCountsByState;
  for (const state of STATES) out[state] = Number((from as unknown as Record<string, number> | undefined)?.[state] ?? 0);
  return out;
}

async function poolNodeCounts(client: BatchServiceClient, signal: AbortSignalLike): Promise<PoolNodeCounts[]> {
  const pools: PoolNodeCounts[] = [];
  let page = await client.account.listPoolNodeCounts({ abortSignal: signal });
  for (;;) {
    for (const p of page) pools.push({ poolId: p.poolId, dedicated: counts(p.dedicated), lowPriority: counts(p.lowPriority) });
    if (!page.odatanextLink) return pools;
    page = await client.account.listPoolNodeCountsNext(page.odatanextLink, { abortSignal: signal });
  }
}

async function jobsByState(client: BatchServiceClient, signal: AbortSignalLike): Promise<{ byState: Record<string, number>; truncated: boolean }> {
  const byState: Record<string, number> = {};
  let seen = 0;
  let page = await client.job.list({ jobListOptions: { select: 'id,state', maxResults: 1000 }, abortSignal: signal });
  for (;;) {
    for (const job of page) {
      const state = job.state ?? 'unknown';
      byState[state] = (byState[state] ?? 0) + 1;
      seen++;
    }
    if (!page.odatanextLink) return { byState, truncated: false };
    if (seen >= DASHBOARD_JOB_LIMIT) return { byState, truncated: true };
    page = await client.job.listNext(page.odatanextLink, { abortSignal: signal });
  }
}

/** Pools' nodes by state (`account.listPoolNodeCounts`), jobs by state, and quotas where the account type has them. */
export async function accountDashboard(accounts: AccountsService, id: string, now = new Date()): Promise<AccountDashboard> {
  const summary = (await accounts.list()).find((a) => a.id === id);
  return accounts.withClient(id, async (client, abort) => {
    const signal = abort as unknown as AbortSignalLike;
    const [pools, jobs] = await Promise.all([poolNodeCounts(client, signal), jobsByState(client, signal)]);
    const dashboard: AccountDashboard = {
      accountId: id,
      pools,
      jobsByState: jobs.byState,
      jobsTruncated: jobs.truncated,
      fetchedAt: now.toISOString(),
    };
    if (summary?.quotas) dashboard.quotas = summary.quotas;
    return dashboard;
  });
}
