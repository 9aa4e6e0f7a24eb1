import type { TaskRecord } from '../model/records.js';
import type { FilterFields } from '../odata/index.js';

/** Task properties a $filter may use, with their kinds. */
export const TASK_FIELDS: FilterFields = {
  id: 'string',
  displayName: 'string',
  commandLine: 'string',
  state: 'enum',
  previousState: 'enum',
  creationTime: 'datetime',
  lastModified: 'datetime',
  stateTransitionTime: 'datetime',
  previousStateTransitionTime: 'datetime',
  requiredSlots: 'number',
  'executionInfo/exitCode': 'number',
  'executionInfo/result': 'enum',
  'executionInfo/startTime': 'datetime',
  'executionInfo/endTime': 'datetime',
  'executionInfo/retryCount': 'number',
  'executionInfo/requeueCount': 'number',
  'executionInfo/failureInfo/category': 'enum',
  'executionInfo/failureInfo/code': 'string',
  'nodeInfo/nodeId': 'string',
  'nodeInfo/poolId': 'string',
};

const dateOf = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

class ExecView {
  constructor(private readonly owner: TaskView) {}
  get exitCode() {
    return this.owner.task.exec.exitCode;
  }
  get result() {
    return this.owner.task.exec.result;
  }
  get startTime() {
    return dateOf(this.owner.task.exec.startTime);
  }
  get endTime() {
    return dateOf(this.owner.task.exec.endTime);
  }
  get retryCount() {
    return this.owner.task.exec.retryCount;
  }
  get requeueCount() {
    return this.owner.task.exec.requeueCount;
  }
  get failureInfo() {
    return this.owner.task.exec.failureInfo;
  }
}

/**
 * A reusable, allocation-free view of a task for $filter: the filter reads wire-shaped paths
 * (executionInfo/exitCode, stateTransitionTime …) straight from the record, so scanning a
 * million-task job never builds a million response objects.
 */
export class TaskView {
  task!: TaskRecord;
  readonly executionInfo = new ExecView(this);

  /** Points the view at a task and returns it. */
  of(task: TaskRecord): this {
    this.task = task;
    return this;
  }
  get id() {
    return this.task.id;
  }
  get displayName() {
    return this.task.props.displayName;
  }
  get commandLine() {
    return this.task.props.commandLine;
  }
  get state() {
    return this.task.state;
  }
  get previousState() {
    return this.task.previousState;
  }
  get creationTime() {
    return new Date(this.task.creationTime);
  }
  get lastModified() {
    return new Date(this.task.lastModified);
  }
  get stateTransitionTime() {
    return new Date(this.task.stateTime);
  }
  get previousStateTransitionTime() {
    return dateOf(this.task.previousStateTime);
  }
  get requiredSlots() {
    return this.task.props.requiredSlots ?? 1;
  }
  get nodeInfo() {
    return this.task.node;
  }
}
