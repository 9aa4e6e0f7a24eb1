// Public surface of the OData $filter/$select support used by the emulator's HTTP server.
export type {
  BooleanLiteralNode,
  ComparisonNode,
  ComparisonOperator,
  DateTimeLiteralNode,
  FilterNode,
  LiteralNode,
  LogicalNode,
  NotNode,
  NullLiteralNode,
  NumberLiteralNode,
  PropertyNode,
  StartsWithNode,
  StringLiteralNode,
} from './ast.js';
export { compileFilter, compileFilterNode, type Predicate } from './compiler.js';
export { parseIsoInstant } from './datetime.js';
export { BATCH_ENUM_VALUES } from './enums.js';
export { ODataError } from './errors.js';
export type { FieldKind, FilterFields } from './fields.js';
export { MAX_FILTER_LENGTH, MAX_NESTING_DEPTH, parseFilter } from './parser.js';
export { applySelect, MAX_SELECT_LENGTH, parseSelect } from './select.js';
