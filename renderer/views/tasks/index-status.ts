// How fresh main's task index is, in the words the task list shows, and which of two reports is newer.
import type { TaskIndexStatus } from '../../../shared/models';
import { formatDuration } from '../../components/time-format';

const count = (n: number) => n.toLocaleString('en-US');
const tasks = (n: number) => `${count(n)} ${n === 1 ? 'task' : 'tasks'}`;

/** The status line: "Indexing… 240,000 tasks loaded", "1,000,000 tasks · synced 3 s ago", or the sync error. */
export function indexStatusText(status: TaskIndexStatus | undefined, now: number): string {
  if (!status) return 'Loading the task index…';
  if (status.phase === 'syncing') return `Indexing… ${count(status.loaded)} tasks loaded`;
  const synced = status.syncedAt ? Date.parse(status.syncedAt) : NaN;
  const ago = Number.isFinite(synced) ? ` · synced ${Math.max(0, now - synced) < 1_000 ? 'just now' : `${formatDuration(Math.max(0, now - synced))} ago`}` : '';
  if (status.phase === 'error') {
    const error = status.error ? `${status.error.code}: ${status.error.message}` : 'unknown error';
    return `Sync failing (${error}) · showing ${tasks(status.loaded)}${ago}`;
  }
  return `${tasks(status.loaded)}${ago}`;
}

/** The newer of two status reports (events and window answers arrive out of order); ties keep the first. */
export function newerStatus(a: TaskIndexStatus | undefined, b: TaskIndexStatus | undefined): TaskIndexStatus | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}
