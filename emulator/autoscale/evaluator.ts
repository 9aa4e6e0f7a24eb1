import type { Expression, Formula, Statement } from './ast.js';
import { evaluationError, type SourcePosition } from './errors.js';
import { callBuiltin } from './functions.js';
import {
  NODE_DEALLOCATION_OPTION,
  NODE_DEALLOCATION_OPTIONS,
  READ_ONLY_ALIASES,
  READ_WRITE_ALIASES,
  READ_WRITE_VARIABLES,
  TARGET_DEDICATED,
  TARGET_LOW_PRIORITY,
  TIME_INTERVALS,
} from './names.js';
import { applyBinary, applyUnary } from './operators.js';
import { callSampleMethod, type Sample } from './samples.js';
import { timestampMember } from './timestamps.js';
import { double, doubleVec, formatValue, isTrue, text, timeinterval, type Value } from './values.js';

/** Everything an evaluation reads; mirrors the public AutoscaleInputs. */
export interface EvaluationInputs {
  now: number;
  variables: Record<string, number>;
  samples: Record<string, { samples: Sample[] }>;
  initial: { targetDedicated: number; targetLowPriority: number; nodeDeallocationOption: string };
  random?: () => number;
}

/** The outcome of an evaluation; mirrors the public AutoscaleResult. */
export interface EvaluationResult {
  targetDedicatedNodes: number;
  targetLowPriorityNodes: number;
  nodeDeallocationOption: string;
  results: string;
}

/** Thrown by `stop()` to end evaluation while keeping the assignments made so far. */
class StopSignal {}

/** Runs a parsed formula's statements in order against the inputs. */
export function runFormula(formula: Formula, inputs: EvaluationInputs): EvaluationResult {
  const run = new Evaluation(inputs);
  try {
    for (const statement of formula.statements) run.execute(statement);
  } catch (error) {
    if (!(error instanceof StopSignal)) throw error;
  }
  return run.result();
}

class Evaluation {
  /** Values assigned to the read-write service variables, keyed by the spelling the formula used. */
  private readonly serviceAssigned = new Map<string, Value>();
  private readonly user = new Map<string, Value>();
  private readonly random: () => number;

  constructor(private readonly inputs: EvaluationInputs) {
    this.random = inputs.random ?? Math.random;
  }

  execute(statement: Statement): void {
    const value = this.evaluate(statement.value);
    if (statement.kind === 'expression') return;
    if (READ_WRITE_VARIABLES.has(statement.name)) {
      checkServiceValue(READ_WRITE_ALIASES[statement.name] ?? statement.name, value, statement.position);
      this.serviceAssigned.set(statement.name, value);
    } else {
      this.user.set(statement.name, value);
    }
  }

  result(): EvaluationResult {
    const dedicated = this.readWrite(TARGET_DEDICATED, TARGET_DEDICATED);
    const lowPriority = this.readWrite(TARGET_LOW_PRIORITY, TARGET_LOW_PRIORITY);
    const option = this.readWrite(NODE_DEALLOCATION_OPTION, NODE_DEALLOCATION_OPTION);
    const targetDedicatedNodes = toNodeCount(dedicated.value as number);
    const targetLowPriorityNodes = toNodeCount(lowPriority.value as number);
    const nodeDeallocationOption = String(option.value);
    const listed = [
      `${TARGET_DEDICATED}=${targetDedicatedNodes}`,
      `${TARGET_LOW_PRIORITY}=${targetLowPriorityNodes}`,
      `${NODE_DEALLOCATION_OPTION}=${nodeDeallocationOption}`,
    ];
    // The service lists user variables after its own, in ordinal name order.
    const names = [...this.user.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) listed.push(`${name}=${formatValue(this.user.get(name) as Value)}`);
    return { targetDedicatedNodes, targetLowPriorityNodes, nodeDeallocationOption, results: listed.join(';') };
  }

  private evaluate(expression: Expression): Value {
    switch (expression.kind) {
      case 'number':
        return double(expression.value);
      case 'string':
        return text(expression.value);
      case 'variable':
        return this.variable(expression.name, expression.position);
      case 'vector':
        return doubleVec(expression.items.map((item) => this.vectorItem(item)));
      case 'unary':
        return applyUnary(expression.operator, this.evaluate(expression.operand), expression.position);
      case 'binary':
        return this.binary(expression);
      case 'ternary': {
        const condition = this.evaluate(expression.condition);
        if (condition.type !== 'double') {
          throw evaluationError(`The condition of '?:' must be a double, not ${condition.type}`, expression.condition.position);
        }
        return this.evaluate(isTrue(condition.value) ? expression.whenTrue : expression.whenFalse);
      }
      case 'call': {
        if (expression.name === 'stop') throw new StopSignal();
        const args = expression.args.map((arg) => ({ value: this.evaluate(arg), position: arg.position }));
        return callBuiltin(expression.name, args, expression.position, { now: this.inputs.now, random: this.random });
      }
      case 'method': {
        const args = expression.args.map((arg) => ({ value: this.evaluate(arg), position: arg.position }));
        return callSampleMethod(expression.variable, expression.method, args, expression.position, this.samples(expression.variable), this.inputs.now);
      }
      case 'member': {
        const target = this.evaluate(expression.target);
        if (target.type !== 'timestamp') throw evaluationError(`'${expression.member}' is a member of timestamps, not of ${target.type}`, expression.position);
        return double(timestampMember(target.value, expression.member));
      }
    }
  }

  /** `&&` and `||` skip their right operand once the left one decides, as C-family languages do. */
  private binary(expression: Extract<Expression, { kind: 'binary' }>): Value {
    const left = this.evaluate(expression.left);
    if ((expression.operator === '&&' || expression.operator === '||') && left.type === 'double') {
      const decided = expression.operator === '&&' ? !isTrue(left.value) : isTrue(left.value);
      if (decided) return double(expression.operator === '&&' ? 0 : 1);
    }
    return applyBinary(expression.operator, left, this.evaluate(expression.right), expression.position);
  }

  private vectorItem(item: Expression): number {
    const value = this.evaluate(item);
    if (value.type !== 'double') throw evaluationError(`A doubleVec literal holds doubles, not ${value.type}`, item.position);
    return value.value;
  }

  private variable(name: string, position: SourcePosition): Value {
    const interval = TIME_INTERVALS[name];
    if (interval !== undefined) return timeinterval(interval);
    if (NODE_DEALLOCATION_OPTIONS.has(name)) return text(name);
    if (READ_WRITE_VARIABLES.has(name)) return this.readWrite(name, READ_WRITE_ALIASES[name] ?? name);
    const assigned = this.user.get(name);
    if (assigned !== undefined) return assigned;
    const canonical = READ_ONLY_ALIASES[name] ?? name;
    const measured = this.inputs.variables[canonical] ?? this.samples(canonical).at(-1)?.value;
    if (measured !== undefined) return double(measured);
    throw evaluationError(`'${name}' is not defined`, position);
  }

  /** Reads a read-write variable: the spelling asked for, else its other spelling, else the pool's current value. */
  private readWrite(name: string, canonical: string): Value {
    const alias = Object.keys(READ_WRITE_ALIASES).find((key) => READ_WRITE_ALIASES[key] === canonical);
    const other = name === canonical ? alias : canonical;
    const assigned = this.serviceAssigned.get(name) ?? (other === undefined ? undefined : this.serviceAssigned.get(other));
    if (assigned !== undefined) return assigned;
    const { initial } = this.inputs;
    if (canonical === TARGET_DEDICATED) return double(initial.targetDedicated);
    if (canonical === TARGET_LOW_PRIORITY) return double(initial.targetLowPriority);
    return text(initial.nodeDeallocationOption);
  }

  private samples(variable: string): readonly Sample[] {
    const series = this.inputs.samples[variable]?.samples ?? [];
    return [...series].sort((a, b) => a.time - b.time);
  }
}

/** Rejects values the service cannot use for its read-write variables at the statement that assigns them. */
function checkServiceValue(canonical: string, value: Value, position: SourcePosition): void {
  if (canonical === NODE_DEALLOCATION_OPTION) {
    if (value.type !== 'string' || !NODE_DEALLOCATION_OPTIONS.has(value.value)) {
      const shown = value.type === 'string' ? `"${value.value}"` : `a ${value.type}`;
      throw evaluationError(`${canonical} must be one of requeue, terminate, taskcompletion or retaineddata, not ${shown}`, position);
    }
    return;
  }
  if (value.type !== 'double') throw evaluationError(`${canonical} must be a double, not ${value.type}`, position);
  if (!Number.isFinite(value.value)) throw evaluationError(`${canonical} must be a finite number, not ${formatValue(value)}`, position);
}

/** Fractions are truncated (the docs' examples add 3 before dividing by 4 to round up) and negatives become 0. */
function toNodeCount(value: number): number {
  return Math.max(0, Math.trunc(value)) || 0;
}
