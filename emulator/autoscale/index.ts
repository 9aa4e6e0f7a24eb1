// The Azure Batch autoscale formula language: parsing, evaluation and the service's results format.
import type { Formula } from './ast.js';
import { runFormula } from './evaluator.js';
import { parseFormula } from './parser.js';

export type { Formula } from './ast.js';
export { AutoscaleErrorCode, AutoscaleFormulaError, type SourcePosition } from './errors.js';
export { SAMPLE_PERIOD_MS } from './names.js';
export { MAX_FORMULA_BYTES, MAX_STATEMENTS, parseFormula } from './parser.js';

/** A metric's recorded samples, oldest first and newest last. */
export interface SampleSeries {
  samples: { time: number; value: number }[];
}

/** What a formula can see when it is evaluated. */
export interface AutoscaleInputs {
  /** Epoch milliseconds; `time()` returns it and sample windows count back from it. */
  now: number;
  /** Read-only service variables used as plain values, e.g. $CurrentDedicatedNodes or $ActiveTasks. */
  variables: Record<string, number>;
  /** Sampled metrics by variable name, e.g. $CPUPercent; the sample methods read these. */
  samples: Record<string, SampleSeries>;
  /** The pool's current values of the read-write variables, which a formula reads until it assigns them. */
  initial: { targetDedicated: number; targetLowPriority: number; nodeDeallocationOption: string };
  /** Source for rand(); defaults to Math.random. */
  random?: () => number;
}

/** The outcome of an evaluation, ready for AutoScaleRun and for resizing the pool. */
export interface AutoscaleResult {
  targetDedicatedNodes: number;
  targetLowPriorityNodes: number;
  nodeDeallocationOption: string;
  /** AutoScaleRun.results: the three read-write variables, then the formula's own variables by name. */
  results: string;
}

/** Evaluates a formula (parsing it first when given text); throws AutoscaleFormulaError when it cannot. */
export function evaluateFormula(formula: Formula | string, inputs: AutoscaleInputs): AutoscaleResult {
  return runFormula(typeof formula === 'string' ? parseFormula(formula) : formula, inputs);
}
