import type { TaskSummary } from '../../../shared/models';

/** How a state badge is coloured. */
export type StatusTone = 'informative' | 'brand' | 'success' | 'danger' | 'warning' | 'subtle';

/** A task's state as the list shows it: completed tasks read as succeeded or failed, the way people think of them. */
export function taskStatus(task: Pick<TaskSummary, 'state' | 'result'>): { label: string; tone: StatusTone } {
  switch (task.state) {
    case 'completed':
      if (task.result === 'failure') return { label: 'failed', tone: 'danger' };
      if (task.result === 'success') return { label: 'succeeded', tone: 'success' };
      return { label: 'completed', tone: 'success' };
    case 'running':
      return { label: 'running', tone: 'brand' };
    case 'preparing':
      return { label: 'preparing', tone: 'brand' };
    case 'active':
      return { label: 'active', tone: 'informative' };
    default:
      return { label: task.state ?? 'unknown', tone: 'subtle' };
  }
}

/** A job's state badge. */
export function jobStatus(state: string | undefined): { label: string; tone: StatusTone } {
  switch (state) {
    case 'active':
      return { label: 'active', tone: 'brand' };
    case 'completed':
      return { label: 'completed', tone: 'success' };
    case 'disabled':
    case 'disabling':
    case 'enabling':
    case 'terminating':
      return { label: state, tone: 'warning' };
    case 'deleting':
      return { label: state, tone: 'danger' };
    default:
      return { label: state ?? 'unknown', tone: 'subtle' };
  }
}
