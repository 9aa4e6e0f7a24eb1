import { evaluationError, type SourcePosition } from './errors.js';
import { parseDateTime } from './timestamps.js';
import { double, doubleVec, timestamp, type Value } from './values.js';

/** An evaluated argument and where it was written. */
export interface Argument {
  value: Value;
  position: SourcePosition;
}

/** What the built-in functions may read from the evaluation. */
export interface FunctionContext {
  now: number;
  random: () => number;
}

type Builtin = (args: readonly Argument[], call: SourcePosition, context: FunctionContext) => Value;

/** Every built-in except `stop()`, which the evaluator handles because it ends evaluation. */
const BUILTINS: Readonly<Record<string, Builtin>> = {
  avg: (args, call) => double(mean(nonEmpty('avg', flatten('avg', args), call))),
  len: (args) => double(flatten('len', args).length),
  lg: (args) => logarithm('lg', args, Math.log2),
  ln: (args) => logarithm('ln', args, Math.log),
  log: (args) => logarithm('log', args, Math.log10),
  max: (args, call) => double(nonEmpty('max', flatten('max', args), call).reduce((a, b) => Math.max(a, b))),
  min: (args, call) => double(nonEmpty('min', flatten('min', args), call).reduce((a, b) => Math.min(a, b))),
  norm: (args) => double(Math.sqrt(flatten('norm', args).reduce((total, x) => total + x * x, 0))),
  percentile: (args, call) => double(percentile(args, call)),
  rand: (_args, _call, context) => double(context.random()),
  range: (args, call) => {
    const values = nonEmpty('range', flatten('range', args), call);
    return double(values.reduce((a, b) => Math.max(a, b)) - values.reduce((a, b) => Math.min(a, b)));
  },
  std: (args, call) => double(sampleStandardDeviation(nonEmpty('std', flatten('std', args), call))),
  sum: (args) => double(flatten('sum', args).reduce((total, x) => total + x, 0)),
  time: (args, _call, context) => time(args, context.now),
  val: (args) => double(element(args)),
};

/** Calls a built-in function on evaluated arguments; names and argument counts were checked by the parser. */
export function callBuiltin(name: string, args: readonly Argument[], call: SourcePosition, context: FunctionContext): Value {
  const builtin = BUILTINS[name];
  if (builtin === undefined) throw evaluationError(`Unknown function '${name}'`, call);
  return builtin(args, call, context);
}

/** Turns a doubleVecList (any mix of doubles and doubleVecs) into one list of numbers, as the docs define. */
function flatten(name: string, args: readonly Argument[]): number[] {
  const values: number[] = [];
  for (const { value, position } of args) {
    if (value.type === 'double') values.push(value.value);
    else if (value.type === 'doubleVec') values.push(...value.value);
    else throw evaluationError(`'${name}' takes doubles and doubleVecs, not ${value.type}`, position);
  }
  return values;
}

function nonEmpty(name: string, values: number[], call: SourcePosition): number[] {
  if (values.length === 0) throw evaluationError(`'${name}' needs at least one value, but its arguments are empty`, call);
  return values;
}

function mean(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0) / values.length;
}

/** Sample standard deviation (n - 1 in the denominator); a single value has no spread, so 0. */
function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  const squares = values.reduce((total, x) => total + (x - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** A lone double gives a double; a doubleVec or several arguments give the component-wise doubleVec. */
function logarithm(name: string, args: readonly Argument[], fn: (x: number) => number): Value {
  const only = args[0]?.value;
  if (args.length === 1 && only?.type === 'double') return double(fn(only.value));
  return doubleVec(flatten(name, args).map(fn));
}

/** The nearest-rank percentile: the smallest element with at least p percent of the elements at or below it. */
function percentile(args: readonly Argument[], call: SourcePosition): number {
  const [vector, rank] = args;
  if (vector?.value.type !== 'doubleVec') {
    throw evaluationError(`'percentile' takes a doubleVec first, not ${vector?.value.type}`, vector?.position ?? call);
  }
  if (rank?.value.type !== 'double') throw evaluationError(`'percentile' takes a double percentage, not ${rank?.value.type}`, rank?.position ?? call);
  const p = rank.value.value;
  if (!(p >= 0 && p <= 100)) throw evaluationError(`'percentile' needs a percentage from 0 to 100, not ${p}`, rank.position);
  const sorted = [...nonEmpty('percentile', [...vector.value.value], call)].sort((a, b) => a - b);
  const index = Math.max(Math.ceil((p / 100) * sorted.length), 1) - 1;
  return sorted[index] ?? Number.NaN;
}

function time(args: readonly Argument[], now: number): Value {
  const [argument] = args;
  if (argument === undefined) return timestamp(now);
  if (argument.value.type !== 'string') throw evaluationError(`'time' takes a string, not ${argument.value.type}`, argument.position);
  if (argument.value.value === '') return timestamp(now);
  const parsed = parseDateTime(argument.value.value);
  if (parsed === undefined) {
    throw evaluationError(`'time' cannot read "${argument.value.value}" as a W3C-DTF or RFC 1123 date and time`, argument.position);
  }
  return timestamp(parsed);
}

/** `val(v, i)`: the element at zero-based index i. */
function element(args: readonly Argument[]): number {
  const [vector, index] = args;
  if (vector === undefined || index === undefined) throw new Error('val takes two arguments');
  if (vector.value.type !== 'doubleVec') throw evaluationError(`'val' takes a doubleVec first, not ${vector.value.type}`, vector.position);
  if (index.value.type !== 'double') throw evaluationError(`'val' takes a double index, not ${index.value.type}`, index.position);
  const i = index.value.value;
  const item = Number.isInteger(i) ? vector.value.value[i] : undefined;
  if (item === undefined) {
    throw evaluationError(`'val' index ${i} is not a whole number from 0 to ${vector.value.value.length - 1}`, index.position);
  }
  return item;
}
