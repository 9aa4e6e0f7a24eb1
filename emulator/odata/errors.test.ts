import { describe, expect, it } from 'vitest';
import { compileFilter, ODataError, type FilterFields } from './index.js';
import { NODE_FIELDS, TASK_FIELDS } from './test-fixtures.js';

function failure(filter: string, fields: FilterFields = TASK_FIELDS): ODataError {
  try {
    compileFilter(filter, fields);
  } catch (error) {
    if (error instanceof ODataError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(filter)} to be rejected`);
}

function expectError(filter: string, message: string, position?: number, fields?: FilterFields): void {
  const error = failure(filter, fields);
  expect(error.message).toBe(position === undefined ? message : `${message} (at position ${position})`);
  expect(error.position).toBe(position);
  expect(error.name).toBe('ODataError');
}

describe('unknown properties', () => {
  it('names the property and nothing else', () => {
    expectError('foo eq 1', "Unknown property 'foo'", 0);
    const error = failure("state eq 'active' and secretField eq 'x'");
    expect(error.message).toBe("Unknown property 'secretField' (at position 22)");
    for (const known of Object.keys(TASK_FIELDS)) expect(error.message).not.toContain(`'${known}'`);
  });

  it('checks nested paths, startswith arguments and bare properties', () => {
    expectError('executionInfo/bogus eq 1', "Unknown property 'executionInfo/bogus'", 0);
    expectError("startswith(name, 'a')", "Unknown property 'name'", 11);
    expectError('not enabled', "Unknown property 'enabled'", 4);
  });

  it('matches property names with case and ignores inherited object keys', () => {
    expectError("State eq 'active'", "Unknown property 'State'", 0);
    expectError('constructor eq null', "Unknown property 'constructor'", 0);
    expectError('toString eq null', "Unknown property 'toString'", 0);
  });
});

describe('literal types', () => {
  it('rejects a literal of the wrong type for the field', () => {
    expectError(
      "executionInfo/exitCode eq 'x'",
      "Property 'executionInfo/exitCode' is a number and cannot be compared with string literal 'x'",
      26,
    );
    expectError('state eq 1', "Property 'state' is an enum and cannot be compared with number literal 1", 9);
    expectError('id eq 5', "Property 'id' is a string and cannot be compared with number literal 5", 6);
    expectError('creationTime gt 5', "Property 'creationTime' is a datetime and cannot be compared with number literal 5", 16);
    expectError('executionInfo/exitCode eq true', "Property 'executionInfo/exitCode' is a number and cannot be compared with boolean literal true", 26);
    expectError(
      "id eq datetime'2024-01-01T00:00:00Z'",
      "Property 'id' is a string and cannot be compared with datetime literal '2024-01-01T00:00:00Z'",
      6,
    );
    expectError("isDedicated eq 'true'", "Property 'isDedicated' is a boolean and cannot be compared with string literal 'true'", 15, NODE_FIELDS);
  });

  it('rejects invalid enum values', () => {
    expectError("state eq 'bogus'", "Invalid value 'bogus' for enum property 'state'", 9);
    expectError("executionInfo/result eq 'succeeded'", "Invalid value 'succeeded' for enum property 'executionInfo/result'", 24);
    expectError("state eq 'run ning'", "Invalid value 'run ning' for enum property 'state'", 9);
    expectError("state eq ''", "Invalid value '' for enum property 'state'", 9);
  });

  it('checks only the shape of values for enum paths Batch does not define', () => {
    const fields: FilterFields = { kind: 'enum' };
    expect(compileFilter("kind eq 'anything'", fields)({ kind: 'Anything' })).toBe(true);
    expectError("kind eq 'a-b'", "Invalid value 'a-b' for enum property 'kind'", 8, fields);
  });

  it('rejects invalid datetimes in every literal form', () => {
    expectError("creationTime eq datetime'2024-13-01T00:00:00Z'", "Invalid datetime literal '2024-13-01T00:00:00Z'", 16);
    expectError("creationTime eq datetime'2024-01-01 00:00'", "Invalid datetime literal '2024-01-01 00:00'", 16);
    expectError('creationTime lt 2024-02-30T00:00:00Z', "Invalid datetime literal '2024-02-30T00:00:00Z'", 16);
    expectError("creationTime eq 'yesterday'", "Invalid datetime literal 'yesterday' for property 'creationTime'", 16);
    expectError("creationTime eq '2024-01-01T25:00:00Z'", "Invalid datetime literal '2024-01-01T25:00:00Z' for property 'creationTime'", 16);
  });
});

describe('operators', () => {
  it('rejects ordering on enums and booleans', () => {
    expectError("state gt 'active'", "Operator 'gt' is not supported on enum property 'state'", 6);
    expectError('isDedicated le true', "Operator 'le' is not supported on boolean property 'isDedicated'", 12, NODE_FIELDS);
    expectError("startswith(id, 'a') gt true", "Operator 'gt' cannot be applied to a boolean expression", 20);
  });

  it('rejects ordering against null', () => {
    expectError('executionInfo/exitCode lt null', "Operator 'lt' cannot compare property 'executionInfo/exitCode' with null", 23);
  });

  it('rejects arithmetic and other unsupported operators', () => {
    expectError('executionInfo/exitCode add 1 eq 2', "Unsupported operator 'add'", 23);
    expectError('executionInfo/exitCode MOD 2 eq 0', "Unsupported operator 'MOD'", 23);
    expectError("state in ('active', 'running')", "Unsupported operator 'in'", 6);
    expectError("(state eq 'active' sub 1)", "Unsupported operator 'sub'", 19);
    expectError('executionInfo/exitCode eq div', "Expected a property or literal but found 'div'", 26);
  });

  it('rejects chained comparisons and comparisons without exactly one property', () => {
    expectError('executionInfo/exitCode eq 1 eq true', "Chained comparison 'eq' needs parentheses", 28);
    expectError('executionInfo/exitCode eq executionInfo/retryCount', "Comparing two properties ('executionInfo/exitCode' and 'executionInfo/retryCount') is not supported", 23);
    expectError('1 eq 1', 'Cannot compare number literal with number literal', 2);
    expectError("startswith(id, 'a') eq 'yes'", "Cannot compare startswith(…) with string literal", 20);
  });

  it('rejects a filter that is not a condition', () => {
    expectError('state', "Property 'state' is not a boolean, so it cannot stand alone as a condition", 0);
    expectError("'abc'", 'A string literal cannot stand alone as a condition', 0);
    expectError("state eq 'active' and 5", 'A number literal cannot stand alone as a condition', 22);
  });
});

describe('functions', () => {
  it('rejects functions other than startswith', () => {
    expectError("substringof('a', id)", "Unsupported function 'substringof'", 0);
    expectError("endswith(id, 'a')", "Unsupported function 'endswith'", 0);
    expectError("tolower(id) eq 'a'", "Unsupported function 'tolower'", 0);
    expectError("state eq 'active' and contains(id, 'a')", "Unsupported function 'contains'", 22);
  });

  it('rejects lambda operators', () => {
    expectError("tags/any(t: t eq 'a')", "Unsupported lambda operator 'any' in 'tags/any'", 0);
    expectError('nodes/ALL(n: n/isDedicated)', "Unsupported lambda operator 'ALL' in 'nodes/ALL'", 0);
  });

  it('checks startswith arguments', () => {
    expectError("startswith(id)", "Function 'startswith' takes 2 arguments but was given 1", 0);
    expectError("startswith(id, 'a', 'b')", "Function 'startswith' takes 2 arguments but was given 3", 0);
    expectError("startswith(state, 'act')", "startswith needs a string property, but 'state' is an enum", 11);
    expectError("startswith(executionInfo/exitCode, '1')", "startswith needs a string property, but 'executionInfo/exitCode' is a number", 11);
    expectError('startswith(id, 1)', 'startswith expects a string literal as its second argument, not a number literal', 15);
    expectError("startswith(id, displayName)", "startswith expects a string literal as its second argument, not a property 'displayName'", 15);
    expectError("startswith('abc', id)", 'startswith expects a property as its first argument, not a string literal', 11);
    expectError("startswith(id, 'a'", "Missing ')' to close 'startswith('", 10);
    expectError("startswith(id 'a')", "Unexpected string literal 'a' in the arguments of 'startswith'", 14);
  });
});

describe('syntax', () => {
  it('rejects unbalanced parentheses', () => {
    expectError("(state eq 'active'", "Missing ')' to close '('", 0);
    expectError("((state eq 'active')", "Missing ')' to close '('", 0);
    expectError("state eq 'active')", "Unmatched ')'", 17);
    expectError(')', "Expected a property or literal but found ')'", 0);
    expectError('()', "Expected a property or literal but found ')'", 1);
  });

  it('rejects trailing garbage', () => {
    expectError("state eq 'active' foo", "Unexpected 'foo' after the end of the expression", 18);
    expectError("state eq 'active' 'x'", "Unexpected string literal 'x' after the end of the expression", 18);
    expectError("state eq 'active', id eq 'a'", "Unexpected ',' after the end of the expression", 17);
    expectError("(state eq 'active' 1)", "Unexpected '1' where ')' was expected", 19);
  });

  it('rejects incomplete expressions', () => {
    expectError("state eq 'active' and", 'Expected a property or literal but found end of filter', 21);
    expectError('state eq', 'Expected a property or literal but found end of filter', 8);
    expectError('not', 'Expected a property or literal but found end of filter', 3);
    expectError("and state eq 'active'", "Expected a property or literal but found 'and'", 0);
  });

  it('rejects bad characters, strings and numbers', () => {
    expectError("state eq 'active", 'Unterminated string literal', 9);
    expectError('id eq "x"', `Unexpected character '"'`, 6);
    expectError("state eq 'a' && id eq 'b'", "Unexpected character '&'", 13);
    expectError('executionInfo/exitCode eq 12abc', "Invalid number literal '12abc'", 26);
    expectError('executionInfo/exitCode eq 1.2.3', "Invalid number literal '1.2.3'", 26);
    expectError('executionInfo/exitCode eq 1e999', "Invalid number literal '1e999'", 26);
    expectError('executionInfo/exitCode eq - 1', "Unexpected character '-'", 26);
    expectError('executionInfo/ eq 1', "Invalid property path 'executionInfo/'", 0);
  });

  it('rejects nesting deeper than 100 levels instead of overflowing the stack', () => {
    const parens = (depth: number) => `${'('.repeat(depth)}executionInfo/exitCode eq 0${')'.repeat(depth)}`;
    expect(compileFilter(parens(100), TASK_FIELDS)({ executionInfo: { exitCode: 0 } })).toBe(true);
    expectError(parens(2000), 'Filter is nested more than 100 levels deep', 100);
    expectError(`${'not '.repeat(101)}state eq 'active'`, 'Filter is nested more than 100 levels deep', 400);
    expect(compileFilter(`${'not '.repeat(100)}state eq 'active'`, TASK_FIELDS)({ state: 'active' })).toBe(true);
  });

  it('handles a long flat chain of or up to the length limit', () => {
    const chain = Array.from({ length: 819 }, () => 'a').join(' or ');
    expect(chain.length).toBeGreaterThan(4090);
    const fields: FilterFields = { a: 'boolean' };
    expect(compileFilter(chain, fields)({ a: true })).toBe(true);
    expect(compileFilter(chain, fields)({ a: false })).toBe(false);
  });

  it('rejects an empty filter', () => {
    expectError('', 'Filter is empty');
    expectError('  \t ', 'Filter is empty');
  });

  it('rejects a filter longer than 4096 characters but accepts one of exactly 4096', () => {
    const prefix = "displayName eq '";
    const atLimit = `${prefix}${'a'.repeat(4096 - prefix.length - 1)}'`;
    expect(atLimit).toHaveLength(4096);
    expect(compileFilter(atLimit, TASK_FIELDS)({ displayName: 'a'.repeat(4096 - prefix.length - 1) })).toBe(true);
    expectError(`${atLimit} `, 'Filter is 4097 characters long; the limit is 4096');
  });
});
