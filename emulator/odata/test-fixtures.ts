import type { FilterFields } from './fields.js';

/** Filterable task properties as the emulator's task list would declare them (test data). */
export const TASK_FIELDS: FilterFields = {
  id: 'string',
  displayName: 'string',
  state: 'enum',
  previousState: 'enum',
  creationTime: 'datetime',
  stateTransitionTime: 'datetime',
  'executionInfo/exitCode': 'number',
  'executionInfo/retryCount': 'number',
  'executionInfo/result': 'enum',
  'executionInfo/failureInfo/category': 'enum',
  'nodeInfo/nodeId': 'string',
};

/** Filterable compute-node properties, for boolean fields (test data). */
export const NODE_FIELDS: FilterFields = { id: 'string', state: 'enum', isDedicated: 'boolean' };

/** The loose shape of the task JSON used in tests; any property may be missing. */
export interface TestTask {
  id: string;
  displayName?: string;
  state?: string;
  creationTime?: string;
  stateTransitionTime?: string;
  executionInfo?: { exitCode?: number | null; retryCount?: number; result?: string; failureInfo?: { category: string } } | null;
  nodeInfo?: { nodeId: string };
}

/** Five Batch-task-shaped entities covering completed, failed, running, active and odd data. */
export const TASKS: readonly TestTask[] = [
  {
    id: 'Task-001',
    displayName: 'Render frame 1',
    state: 'completed',
    creationTime: '2024-01-01T00:00:00Z',
    stateTransitionTime: '2024-01-01T00:05:00.1234567Z',
    executionInfo: { exitCode: 0, retryCount: 0, result: 'success' },
    nodeInfo: { nodeId: 'tvm-1' },
  },
  {
    id: 'task-002',
    displayName: 'render frame 2',
    state: 'completed',
    creationTime: '2024-01-02T12:00:00.500Z',
    stateTransitionTime: '2024-01-02T13:00:00+01:00',
    executionInfo: { exitCode: 1, retryCount: 2, result: 'failure', failureInfo: { category: 'userError' } },
    nodeInfo: { nodeId: 'TVM-2' },
  },
  {
    id: 'other-3',
    state: 'running',
    creationTime: '2024-01-03T00:00:00Z',
    executionInfo: { retryCount: 0 },
    nodeInfo: { nodeId: 'tvm-1' },
  },
  { id: 'TASK-004', state: 'active', creationTime: '2024-01-04T00:00:00Z' },
  {
    id: 'odd-5',
    state: 'Preparing',
    creationTime: 'not a date',
    executionInfo: { exitCode: -2, result: 'FAILURE' },
  },
];
