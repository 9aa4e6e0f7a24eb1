/** Where something is in the formula text; both counts start at 1, columns count UTF-16 code units. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Error codes the module reports; the first three are the service's own, the last is the emulator's choice. */
export const AutoscaleErrorCode = {
  syntax: 'AutoScalingFormulaSyntaxError',
  tooLong: 'AutoScalingFormulaTooLong',
  insufficientSamples: 'InsufficientSampleData',
  evaluation: 'AutoScalingFormulaEvaluationError',
} as const;

const MESSAGES: Record<string, string> = {
  [AutoscaleErrorCode.syntax]: 'The specified auto-scaling formula has a syntax error.',
  [AutoscaleErrorCode.tooLong]: 'The specified auto-scaling formula exceeds lengths limit.',
  [AutoscaleErrorCode.insufficientSamples]: 'Autoscale evaluation failed due to insufficient sample data',
  [AutoscaleErrorCode.evaluation]: 'Autoscale evaluation failed due to an error in the formula',
};

/**
 * A formula the service would reject or fail to evaluate. `message` is the service-style summary; the
 * detail, prefixed with "Line L, Col C: " as the service does, is the `Message` entry of `values`.
 */
export class AutoscaleFormulaError extends Error {
  readonly code: string;
  readonly position?: { line: number; column: number };
  readonly values: { key: string; value: string }[];

  /** Builds the error from a code, a human-readable detail and, when known, where in the formula it is. */
  constructor(code: string, detail: string, position?: SourcePosition) {
    super(MESSAGES[code] ?? code);
    this.name = 'AutoscaleFormulaError';
    this.code = code;
    if (position !== undefined) this.position = { line: position.line, column: position.column };
    const where = position === undefined ? '' : `Line ${position.line}, Col ${position.column}: `;
    this.values = [{ key: 'Message', value: `${where}${detail}` }];
  }

  /** The detail without its location prefix, handy in logs and tests. */
  get detail(): string {
    const value = this.values[0]?.value ?? '';
    return value.replace(/^Line \d+, Col \d+: /, '');
  }
}

/** A syntax error at a position. */
export function syntaxError(detail: string, position: SourcePosition): AutoscaleFormulaError {
  return new AutoscaleFormulaError(AutoscaleErrorCode.syntax, detail, position);
}

/** An evaluation error (type mismatch, undefined variable, bad argument) at a position. */
export function evaluationError(detail: string, position: SourcePosition): AutoscaleFormulaError {
  return new AutoscaleFormulaError(AutoscaleErrorCode.evaluation, detail, position);
}
