import type { ToastIntent } from '@fluentui/react-components';
import { isAppRoute } from '../../../shared/app-route';
import type { MonitorNotification } from '../../../shared/models';
import { jobPath } from './routes';

/** How a `monitor.notification` is shown as a toast under the web host. */
export interface MonitorToast {
  title: string;
  body: string;
  intent: ToastIntent;
  accountId: string;
  jobId: string;
  /** The job's route, opened by the toast's link. */
  path: string;
  /** Another app route about the job (the sample workload's outputs), opened by "Open outputs". */
  link?: string;
}

/** True for an app route (`/…`), never a URL to elsewhere: events cross a process boundary. */
const KINDS: ReadonlySet<string> = new Set<MonitorNotification['kind']>(['jobCompleted', 'firstTaskFailed']);

/** The toast for a notification, or undefined for a payload that is not one (events cross a process boundary). */
export function monitorToast(payload: unknown): MonitorToast | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { accountId, jobId, kind, title, body, link } = payload as Record<string, unknown>;
  if (typeof accountId !== 'string' || typeof jobId !== 'string' || !jobId || typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
  return {
    title: typeof title === 'string' && title ? title : kind === 'jobCompleted' ? `${jobId} completed` : `A task of ${jobId} failed`,
    body: typeof body === 'string' ? body : '',
    intent: kind === 'firstTaskFailed' ? 'error' : 'success',
    accountId,
    jobId,
    path: jobPath(jobId),
    ...(isAppRoute(link) ? { link } : {}),
  };
}

/** The desktop app shows an OS notification from main; only the browser needs the page to show one. */
export function showsMonitorToasts(clientKind: string): boolean {
  return clientKind === 'web';
}
