import type { TransportKind } from '../../shared/models';

/** The status-bar label of a transport. */
export function transportLabel(kind: TransportKind): string {
  return kind === 'ipc' ? 'Desktop (IPC)' : 'Web host';
}

/** The status-bar text of a version. */
export function versionLabel(version: string): string {
  return `v${version}`;
}
