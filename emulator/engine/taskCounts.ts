import type { TaskRecord } from '../model/records.js';

/** The TaskCounts / TaskSlotCounts shape. */
export interface Counts {
  active: number;
  running: number;
  completed: number;
  succeeded: number;
  failed: number;
}

function zero(): Counts {
  return { active: 0, running: 0, completed: 0, succeeded: 0, failed: 0 };
}

/** The slots a task occupies while it runs. */
export function requiredSlots(task: TaskRecord): number {
  const slots = task.props.requiredSlots;
  return typeof slots === 'number' && slots > 0 ? slots : 1;
}

/**
 * A job's task and slot counts kept incrementally, so taskcounts costs O(1) for any job size.
 * Callers remove a task before changing its state or result and add it back afterwards.
 */
export class TaskCounter {
  readonly tasks: Counts = zero();
  readonly slots: Counts = zero();

  private apply(task: TaskRecord, sign: 1 | -1): void {
    const slots = requiredSlots(task) * sign;
    switch (task.state) {
      case 'active':
        this.tasks.active += sign;
        this.slots.active += slots;
        break;
      case 'preparing':
      case 'running':
        this.tasks.running += sign;
        this.slots.running += slots;
        break;
      case 'completed': {
        this.tasks.completed += sign;
        this.slots.completed += slots;
        const bucket = task.exec.result === 'success' ? 'succeeded' : 'failed';
        this.tasks[bucket] += sign;
        this.slots[bucket] += slots;
        break;
      }
    }
  }

  /** Counts a task in its current state. */
  add(task: TaskRecord): void {
    this.apply(task, 1);
  }

  /** Stops counting a task in its current state. */
  remove(task: TaskRecord): void {
    this.apply(task, -1);
  }
}
