import { describe, expect, it } from 'vitest';
import { compileFilter } from './index.js';
import { NODE_FIELDS, TASK_FIELDS, TASKS } from './test-fixtures.js';

function ids(filter: string): string[] {
  const matches = compileFilter(filter, TASK_FIELDS);
  return TASKS.filter(matches).map((task) => task.id);
}

describe('comparisons', () => {
  it('applies each operator to numbers', () => {
    expect(ids('executionInfo/exitCode eq 0')).toEqual(['Task-001']);
    expect(ids('executionInfo/exitCode ne 0')).toEqual(['task-002', 'other-3', 'TASK-004', 'odd-5']);
    expect(ids('executionInfo/exitCode gt 0')).toEqual(['task-002']);
    expect(ids('executionInfo/exitCode ge 0')).toEqual(['Task-001', 'task-002']);
    expect(ids('executionInfo/exitCode lt 1')).toEqual(['Task-001', 'odd-5']);
    expect(ids('executionInfo/exitCode le 1')).toEqual(['Task-001', 'task-002', 'odd-5']);
  });

  it('reads negative and decimal literals', () => {
    expect(ids('executionInfo/exitCode eq -2')).toEqual(['odd-5']);
    expect(ids('executionInfo/exitCode lt -1.5')).toEqual(['odd-5']);
    expect(ids('executionInfo/exitCode gt 0.5')).toEqual(['task-002']);
    expect(ids('executionInfo/exitCode eq 1.0')).toEqual(['task-002']);
  });

  it('accepts the literal on the left and mirrors the operator', () => {
    expect(ids('0 lt executionInfo/exitCode')).toEqual(['task-002']);
    expect(ids('1 ge executionInfo/exitCode')).toEqual(['Task-001', 'task-002', 'odd-5']);
    expect(ids("'running' eq state")).toEqual(['other-3']);
  });

  it('orders strings by code unit', () => {
    expect(ids("displayName lt 'Z'")).toEqual(['Task-001']);
    expect(ids("displayName ge 'a'")).toEqual(['task-002']);
  });
});

describe('and, or, not and precedence', () => {
  it('binds and tighter than or', () => {
    const filter = "state eq 'completed' or state eq 'active' and executionInfo/exitCode eq 0";
    expect(ids(filter)).toEqual(['Task-001', 'task-002']);
    expect(ids(`(${filter.replace(' and', ') and')}`)).toEqual(['Task-001']);
  });

  it('binds not tighter than and', () => {
    expect(ids("not state eq 'completed' and id eq 'other-3'")).toEqual(['other-3']);
    expect(ids("not (state eq 'completed' and id eq 'task-001')")).toEqual(['task-002', 'other-3', 'TASK-004', 'odd-5']);
  });

  it('nests not and parentheses', () => {
    expect(ids("not not state eq 'active'")).toEqual(['TASK-004']);
    expect(ids("not (state eq 'completed' or state eq 'running')")).toEqual(['TASK-004', 'odd-5']);
    expect(ids("((state eq 'running'))")).toEqual(['other-3']);
  });

  it('treats keywords, operators and literals case-insensitively', () => {
    const mixedCase = "state EQ 'running' OR Not executionInfo/exitCode Eq NULL aNd executionInfo/exitCode LT 0";
    expect(ids(mixedCase)).toEqual(['other-3', 'odd-5']);
    expect(ids('executionInfo/exitCode GE 0 AND executionInfo/exitCode le 0')).toEqual(['Task-001']);
    expect(ids("StartsWith(id, 'other') eq TRUE")).toEqual(['other-3']);
    expect(ids("creationTime eq DateTime'2024-01-04T00:00:00Z'")).toEqual(['TASK-004']);
  });

  it('accepts a bare boolean literal as the whole filter', () => {
    expect(ids('true')).toHaveLength(TASKS.length);
    expect(ids('false')).toEqual([]);
  });
});

describe('nested property paths', () => {
  it('follows two- and three-segment paths', () => {
    expect(ids("executionInfo/result eq 'failure'")).toEqual(['task-002', 'odd-5']);
    expect(ids("nodeInfo/nodeId eq 'tvm-1'")).toEqual(['Task-001', 'other-3']);
    expect(ids("executionInfo/failureInfo/category eq 'usererror'")).toEqual(['task-002']);
  });

  it('treats a missing or non-object parent as null', () => {
    const matches = compileFilter('executionInfo/exitCode eq null', TASK_FIELDS);
    expect(matches({ id: 'a' })).toBe(true);
    expect(matches({ id: 'a', executionInfo: null })).toBe(true);
    expect(matches({ id: 'a', executionInfo: 5 })).toBe(true);
    expect(matches({ id: 'a', executionInfo: 'text' })).toBe(true);
    expect(matches({ id: 'a', executionInfo: { exitCode: 3 } })).toBe(false);
    const deep = compileFilter("executionInfo/failureInfo/category ne 'serverError'", TASK_FIELDS);
    expect(deep({ id: 'a', executionInfo: { failureInfo: 'x' } })).toBe(true);
    expect(deep({ id: 'a', executionInfo: { failureInfo: { category: 'ServerError' } } })).toBe(false);
  });
});

describe('null semantics', () => {
  it('matches missing and explicit null only with eq null', () => {
    expect(ids('executionInfo/exitCode eq null')).toEqual(['other-3', 'TASK-004']);
    expect(ids('null eq executionInfo/exitCode')).toEqual(['other-3', 'TASK-004']);
    expect(ids('executionInfo/exitCode ne null')).toEqual(['Task-001', 'task-002', 'odd-5']);
    expect(compileFilter('executionInfo/exitCode eq null', TASK_FIELDS)({ executionInfo: { exitCode: null } })).toBe(true);
  });

  it('makes eq false, ne true and orderings false for a missing value', () => {
    const missing = { id: 'x' };
    for (const op of ['eq', 'gt', 'ge', 'lt', 'le']) {
      expect(compileFilter(`executionInfo/exitCode ${op} 0`, TASK_FIELDS)(missing)).toBe(false);
      expect(compileFilter(`stateTransitionTime ${op} datetime'2024-01-01T00:00:00Z'`, TASK_FIELDS)(missing)).toBe(false);
    }
    expect(compileFilter('executionInfo/exitCode ne 0', TASK_FIELDS)(missing)).toBe(true);
    expect(compileFilter("displayName ne 'x'", TASK_FIELDS)(missing)).toBe(true);
    expect(ids('not (executionInfo/exitCode gt 0)')).toEqual(['Task-001', 'other-3', 'TASK-004', 'odd-5']);
  });

  it('treats a stored value of the wrong type as null', () => {
    const matches = compileFilter('executionInfo/exitCode ge 0', TASK_FIELDS);
    expect(matches({ executionInfo: { exitCode: '5' } })).toBe(false);
    expect(matches({ executionInfo: { exitCode: Number.NaN } })).toBe(false);
    expect(compileFilter("state ne 'active'", TASK_FIELDS)({ state: 3 })).toBe(true);
  });
});

describe('case rules', () => {
  it('compares enums without case on either side', () => {
    expect(ids("state eq 'COMPLETED'")).toEqual(['Task-001', 'task-002']);
    expect(ids("state eq 'preparing'")).toEqual(['odd-5']);
    expect(ids("executionInfo/failureInfo/category eq 'UserError'")).toEqual(['task-002']);
    expect(ids("executionInfo/result ne 'Failure'")).toEqual(['Task-001', 'other-3', 'TASK-004']);
  });

  it('compares ids without case, including ordering and startswith', () => {
    expect(ids("id eq 'TASK-001'")).toEqual(['Task-001']);
    expect(ids("id ne 'task-004'")).toEqual(['Task-001', 'task-002', 'other-3', 'odd-5']);
    expect(ids("id gt 'TASK-002'")).toEqual(['TASK-004']);
    expect(ids("startswith(id, 'TASK-00')")).toEqual(['Task-001', 'task-002', 'TASK-004']);
    expect(ids("startswith(id, 'Task-0010')")).toEqual([]);
  });

  it('compares other strings with case', () => {
    expect(ids("nodeInfo/nodeId eq 'TVM-1'")).toEqual([]);
    expect(ids("nodeInfo/nodeId eq 'TVM-2'")).toEqual(['task-002']);
    expect(ids("startswith(nodeInfo/nodeId, 'tvm')")).toEqual(['Task-001', 'other-3']);
    expect(ids("startswith(displayName, 'Render')")).toEqual(['Task-001']);
    expect(ids("displayName eq 'render frame 1'")).toEqual([]);
  });
});

describe('startswith', () => {
  it('can be compared with true or false either way round', () => {
    expect(ids("startswith(id, 'task') eq true")).toEqual(['Task-001', 'task-002', 'TASK-004']);
    expect(ids("startswith(id, 'task') eq false")).toEqual(['other-3', 'odd-5']);
    expect(ids("startswith(id, 'task') ne true")).toEqual(['other-3', 'odd-5']);
    expect(ids("false ne startswith(id, 'task')")).toEqual(['Task-001', 'task-002', 'TASK-004']);
    expect(ids("(state eq 'completed') eq false")).toEqual(['other-3', 'TASK-004', 'odd-5']);
  });

  it('is false for a missing property and matches an empty prefix otherwise', () => {
    expect(ids("startswith(displayName, '')")).toEqual(['Task-001', 'task-002']);
    expect(ids("not startswith(displayName, 'R')")).toEqual(['task-002', 'other-3', 'TASK-004', 'odd-5']);
  });

  it("unescapes '' in the prefix", () => {
    const matches = compileFilter("startswith(displayName, 'it''s')", TASK_FIELDS);
    expect(matches({ displayName: "it's done" })).toBe(true);
    expect(matches({ displayName: 'its done' })).toBe(false);
  });
});

describe('datetimes', () => {
  it("compares datetime'…' literals as instants", () => {
    expect(ids("creationTime ge datetime'2024-01-03T00:00:00Z'")).toEqual(['other-3', 'TASK-004']);
    expect(ids("creationTime eq datetime'2024-01-01T01:00:00+01:00'")).toEqual(['Task-001']);
  });

  it('accepts a bare ISO-8601 timestamp', () => {
    expect(ids('creationTime lt 2024-01-02T12:00:00.501Z')).toEqual(['Task-001', 'task-002']);
    expect(ids('creationTime lt 2024-01-02T12:00:00.500Z')).toEqual(['Task-001']);
    expect(ids('creationTime gt 2024-01-03T09:00:00+09:00')).toEqual(['TASK-004']);
  });

  it('accepts a quoted string for a datetime property', () => {
    expect(ids("creationTime eq '2024-01-02T12:00:00.5Z'")).toEqual(['task-002']);
    expect(ids("creationTime lt '2024-01-02'")).toEqual(['Task-001']);
  });

  it('compares stored values with offsets and 7-digit fractions as instants (to the millisecond)', () => {
    expect(ids("stateTransitionTime eq datetime'2024-01-02T12:00:00Z'")).toEqual(['task-002']);
    expect(ids("stateTransitionTime eq datetime'2024-01-01T00:05:00.123Z'")).toEqual(['Task-001']);
    expect(ids("stateTransitionTime gt datetime'2024-01-01T00:05:00.122Z'")).toEqual(['Task-001', 'task-002']);
  });

  it('treats an unparseable stored value as null and accepts Date objects', () => {
    expect(ids("creationTime ne '2024-01-01T00:00:00Z'")).toContain('odd-5');
    expect(ids("creationTime lt '2100-01-01T00:00:00Z'")).not.toContain('odd-5');
    const matches = compileFilter("creationTime eq '2024-01-01T00:00:00Z'", TASK_FIELDS);
    expect(matches({ creationTime: new Date('2024-01-01T00:00:00Z') })).toBe(true);
    expect(matches({ creationTime: new Date(Number.NaN) })).toBe(false);
  });
});

describe('boolean properties', () => {
  const nodes = [
    { id: 'n1', state: 'idle', isDedicated: true },
    { id: 'n2', state: 'waitingForStartTask', isDedicated: false },
    { id: 'n3', state: 'running' },
  ];
  const nodeIds = (filter: string) => nodes.filter(compileFilter(filter, NODE_FIELDS)).map((n) => n.id);

  it('compares with true/false and stands alone as a condition', () => {
    expect(nodeIds('isDedicated eq true')).toEqual(['n1']);
    expect(nodeIds('isDedicated eq false')).toEqual(['n2']);
    expect(nodeIds('isDedicated ne false')).toEqual(['n1', 'n3']);
    expect(nodeIds('isDedicated')).toEqual(['n1']);
    expect(nodeIds('not isDedicated')).toEqual(['n2', 'n3']);
    expect(nodeIds('isDedicated eq null')).toEqual(['n3']);
  });

  it('matches camelCase enum values sent in any case', () => {
    expect(nodeIds("state eq 'WAITINGFORSTARTTASK'")).toEqual(['n2']);
  });
});

describe('compiled predicates', () => {
  it('can be reused across many entities without re-parsing', () => {
    const matches = compileFilter("state eq 'running' and executionInfo/retryCount ge 1", TASK_FIELDS);
    const results = [0, 1, 2, 3].map((retryCount) => matches({ state: 'running', executionInfo: { retryCount } }));
    expect(results).toEqual([false, true, true, true]);
  });
});
