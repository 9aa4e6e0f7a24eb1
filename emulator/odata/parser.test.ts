import { describe, expect, it } from 'vitest';
import { parseFilter, type FilterNode } from './index.js';

/** Renders a tree as a fully parenthesized string so precedence is easy to assert. */
function shape(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${shape(node.left)} ${node.kind} ${shape(node.right)})`;
    case 'not':
      return `(not ${shape(node.operand)})`;
    case 'comparison':
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`;
    case 'property':
      return node.segments.join('.');
    case 'literal':
      return node.type === 'datetime' ? `@${node.value}` : JSON.stringify(node.value);
  }
}

describe('parseFilter', () => {
  it('builds comparison nodes with positions', () => {
    expect(parseFilter("state eq 'active'")).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: { kind: 'property', path: 'state', segments: ['state'], position: 0 },
      right: { kind: 'literal', type: 'string', value: 'active', position: 9 },
      position: 6,
    });
  });

  it('gives not > and > or precedence, left-associative', () => {
    expect(shape(parseFilter('a eq 1 or b eq 2 and c eq 3'))).toBe('((a eq 1) or ((b eq 2) and (c eq 3)))');
    expect(shape(parseFilter('not a eq 1 and b eq 2'))).toBe('((not (a eq 1)) and (b eq 2))');
    expect(shape(parseFilter('a eq 1 and b eq 2 and c eq 3'))).toBe('(((a eq 1) and (b eq 2)) and (c eq 3))');
    expect(shape(parseFilter('a eq 1 or b eq 2 or c eq 3'))).toBe('(((a eq 1) or (b eq 2)) or (c eq 3))');
    expect(shape(parseFilter('(a eq 1 or b eq 2) and not (c eq 3)'))).toBe('(((a eq 1) or (b eq 2)) and (not (c eq 3)))');
    expect(shape(parseFilter('not not a'))).toBe('(not (not a))');
  });

  it('reads keywords in any case', () => {
    expect(shape(parseFilter('A EQ TRUE Or NOT b Ne Null'))).toBe('((A eq true) or (not (b ne null)))');
  });

  it('splits property paths into segments', () => {
    expect(parseFilter('executionInfo/failureInfo/category eq null')).toMatchObject({
      left: { kind: 'property', path: 'executionInfo/failureInfo/category', segments: ['executionInfo', 'failureInfo', 'category'] },
    });
  });

  it('reads every literal form', () => {
    expect(shape(parseFilter("a eq 'it''s'"))).toBe(`(a eq "it's")`);
    expect(shape(parseFilter("a eq ''''"))).toBe(`(a eq "'")`);
    expect(shape(parseFilter('a eq -42'))).toBe('(a eq -42)');
    expect(shape(parseFilter('a eq 3.25'))).toBe('(a eq 3.25)');
    expect(shape(parseFilter('a eq 1e3'))).toBe('(a eq 1000)');
    expect(shape(parseFilter('a eq false'))).toBe('(a eq false)');
    expect(shape(parseFilter("a eq datetime'1970-01-01T00:00:01Z'"))).toBe('(a eq @1000)');
    expect(shape(parseFilter('a eq 1970-01-01T00:00:00.250Z'))).toBe('(a eq @250)');
    expect(parseFilter('a lt 2024-01-01T00:00:00Z')).toMatchObject({ right: { type: 'datetime', text: '2024-01-01T00:00:00Z' } });
  });

  it('parses startswith calls, including inside comparisons', () => {
    expect(shape(parseFilter("startswith(id, 'a')"))).toBe('startswith(id, "a")');
    expect(shape(parseFilter("STARTSWITH(id,'a') eq true and x eq 1"))).toBe('((startswith(id, "a") eq true) and (x eq 1))');
  });

  it('checks syntax only, not properties or types', () => {
    expect(shape(parseFilter("anything eq 'x' and startswith(n, 5)"))).toBe('((anything eq "x") and startswith(n, 5))');
  });

  it('tolerates surrounding and inner whitespace', () => {
    expect(shape(parseFilter("\t( a\neq 1 )\r\n"))).toBe('(a eq 1)');
  });
});
