// Knobs of the simulated nodes and pools beyond the lifecycle delays: quotas, autoscale limits and
// sampling, spot preemption and start-task fault injection. The service's own values are the defaults.

/** Simulated preemption of spot (low-priority) nodes. */
export interface PreemptionSettings {
  /** Chance that each running spot node is preempted at each tick; 0 turns preemption off. */
  fraction: number;
  /** Milliseconds between ticks. */
  intervalMs: number;
  /** Milliseconds a preempted node stays `preempted` before it boots again. */
  downMs: number;
}

/** How the emulated account's nodes, pools and autoscale behave. */
export interface NodeBehaviour {
  /** Account-wide node quotas: the service counts cores, the emulator counts nodes. */
  quota: { dedicated: number; lowPriority: number };
  /** Shortest autoscale evaluation interval accepted (the service's is 5 minutes). */
  minAutoScaleIntervalMs: number;
  /** Shortest spacing between two enableautoscale calls on a pool (the service's is 30 seconds). */
  enableAutoScaleSpacingMs: number;
  /** How often autoscale metrics are sampled (the service's period is 30 seconds). */
  samplePeriodMs: number;
  preemption: PreemptionSettings;
  /** Fraction of start task runs made to fail (fault injection); changeable at run time. */
  startTaskFailureRate: number;
  /** Exit code of an injected start task failure. */
  startTaskFailureExitCode: number;
}

const MINUTE = 60_000;

/** The service's limits, no preemption and no injected failures. */
export function defaultBehaviour(): NodeBehaviour {
  return {
    quota: { dedicated: Infinity, lowPriority: Infinity },
    minAutoScaleIntervalMs: 5 * MINUTE,
    enableAutoScaleSpacingMs: 30_000,
    samplePeriodMs: 30_000,
    preemption: { fraction: 0, intervalMs: MINUTE, downMs: MINUTE },
    startTaskFailureRate: 0,
    startTaskFailureExitCode: 1,
  };
}

/** Options as callers give them: every part optional. */
export interface NodeBehaviourOptions {
  quota?: Partial<NodeBehaviour['quota']>;
  minAutoScaleIntervalMs?: number;
  enableAutoScaleSpacingMs?: number;
  samplePeriodMs?: number;
  preemption?: Partial<PreemptionSettings>;
  startTaskFailureRate?: number;
  startTaskFailureExitCode?: number;
}

/** Fills in the defaults. */
export function resolveBehaviour(options: NodeBehaviourOptions = {}): NodeBehaviour {
  const base = defaultBehaviour();
  return {
    quota: { ...base.quota, ...options.quota },
    minAutoScaleIntervalMs: options.minAutoScaleIntervalMs ?? base.minAutoScaleIntervalMs,
    enableAutoScaleSpacingMs: options.enableAutoScaleSpacingMs ?? base.enableAutoScaleSpacingMs,
    samplePeriodMs: options.samplePeriodMs ?? base.samplePeriodMs,
    preemption: { ...base.preemption, ...options.preemption },
    startTaskFailureRate: options.startTaskFailureRate ?? base.startTaskFailureRate,
    startTaskFailureExitCode: options.startTaskFailureExitCode ?? base.startTaskFailureExitCode,
  };
}
