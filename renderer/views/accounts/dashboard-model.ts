import type { AccountDashboard, AccountSummary, BatchAccountQuotas, NodeCountsByState } from '../../../shared/models';

/** One state with how many nodes or jobs are in it. */
export interface StateCount {
  state: string;
  label: string;
  count: number;
}

type NodeState = Exclude<keyof NodeCountsByState, 'total'>;

// Busy and healthy states first, trouble last, so the eye finds "running" and "unusable" where it expects them.
const NODE_STATES: readonly [NodeState, string][] = [
  ['running', 'Running'],
  ['idle', 'Idle'],
  ['starting', 'Starting'],
  ['creating', 'Creating'],
  ['waitingForStartTask', 'Waiting for start task'],
  ['rebooting', 'Rebooting'],
  ['reimaging', 'Reimaging'],
  ['leavingPool', 'Leaving pool'],
  ['preempted', 'Preempted'],
  ['offline', 'Offline'],
  ['startTaskFailed', 'Start task failed'],
  ['unusable', 'Unusable'],
  ['unknown', 'Unknown'],
];

const JOB_STATES: readonly [string, string][] = [
  ['active', 'Active'],
  ['enabling', 'Enabling'],
  ['disabling', 'Disabling'],
  ['disabled', 'Disabled'],
  ['terminating', 'Terminating'],
  ['completed', 'Completed'],
  ['deleting', 'Deleting'],
];

/** The node states with at least one node, in display order. */
export function nodeStateCounts(counts: NodeCountsByState): StateCount[] {
  return NODE_STATES.filter(([state]) => counts[state] > 0).map(([state, label]) => ({ state, label, count: counts[state] }));
}

/** Jobs by state with at least one job: the known states in lifecycle order, then anything new the service sends. */
export function jobStateCounts(jobsByState: Readonly<Record<string, number>>): StateCount[] {
  const known = new Set(JOB_STATES.map(([state]) => state));
  const listed = JOB_STATES.filter(([state]) => (jobsByState[state] ?? 0) > 0).map(([state, label]) => ({
    state,
    label,
    count: jobsByState[state] ?? 0,
  }));
  const extra = Object.entries(jobsByState)
    .filter(([state, count]) => !known.has(state) && count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, count]) => ({ state, label: state, count }));
  return [...listed, ...extra];
}

/** How many jobs the dashboard counted. */
export function totalJobs(dashboard: Pick<AccountDashboard, 'jobsByState'>): number {
  return Object.values(dashboard.jobsByState).reduce((sum, count) => sum + count, 0);
}

/** True when the local emulator has nothing yet, which is when "Run sample workload" is offered. */
export function offersSampleWorkload(account: Pick<AccountSummary, 'kind'> | undefined, dashboard: AccountDashboard): boolean {
  return account?.kind === 'local' && dashboard.pools.length === 0 && totalJobs(dashboard) === 0;
}

/** The jobs total as shown: "10000+" when the dashboard stopped counting. */
export function jobsTotalText(dashboard: Pick<AccountDashboard, 'jobsByState' | 'jobsTruncated'>): string {
  return `${totalJobs(dashboard)}${dashboard.jobsTruncated ? '+' : ''}`;
}

/** One quota line. */
export interface QuotaLine {
  label: string;
  value: string;
}

/** The quotas the account type gives, one line each; nothing for quotas ARM left out. */
export function quotaLines(quotas: BatchAccountQuotas | undefined): QuotaLine[] {
  if (!quotas) return [];
  const lines: QuotaLine[] = [];
  const add = (label: string, value: number | undefined) => {
    if (value !== undefined) lines.push({ label, value: value.toLocaleString('en-US') });
  };
  add('Dedicated cores', quotas.dedicatedCores);
  add('Low-priority / spot cores', quotas.lowPriorityCores);
  add('Pools', quotas.pools);
  add('Active jobs and job schedules', quotas.activeJobsAndJobSchedules);
  if (quotas.dedicatedCoresPerVmFamilyEnforced !== undefined) {
    lines.push({ label: 'Per-VM-family core quotas enforced', value: quotas.dedicatedCoresPerVmFamilyEnforced ? 'Yes' : 'No' });
  }
  for (const family of quotas.dedicatedCoresPerVmFamily ?? []) {
    if (family.coreQuota > 0) lines.push({ label: `Dedicated cores: ${family.name}`, value: family.coreQuota.toLocaleString('en-US') });
  }
  return lines;
}
