import { describe, expect, it } from 'vitest';
import { actionChunks, liveSelection, MAX_NODES_PER_ACTION, problemNodes } from './problem-nodes';

const nodes = [
  { id: 'n3', state: 'unusable' },
  { id: 'n1', state: 'idle' },
  { id: 'n2', state: 'startTaskFailed' },
  { id: 'n4', state: 'starttaskfailed' },
  { id: 'n5', state: 'running' },
];

describe('problem nodes', () => {
  it('keeps start-task-failed and unusable nodes, whatever the case of the state', () => {
    expect(problemNodes(nodes).map((n) => n.id)).toEqual(['n2', 'n4', 'n3']);
    expect(problemNodes([{ id: 'x' }])).toEqual([]);
  });

  it('splits many node ids into calls of at most the service limit', () => {
    const ids = Array.from({ length: MAX_NODES_PER_ACTION * 2 + 1 }, (_, i) => `n${i}`);
    expect(actionChunks(ids).map((c) => c.length)).toEqual([MAX_NODES_PER_ACTION, MAX_NODES_PER_ACTION, 1]);
    expect(actionChunks([])).toEqual([]);
  });

  it('drops selected nodes that are no longer in trouble', () => {
    expect(liveSelection(new Set(['n2', 'n1', 'gone']), problemNodes(nodes))).toEqual(['n2']);
  });
});
