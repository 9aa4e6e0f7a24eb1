import type { AppInfo, TransportKind } from '../../../shared/models';

/** What `app.info` reports; fixed for the life of the process. */
export function appInfo(version: string, transport: TransportKind, platform: string = process.platform): AppInfo {
  return { name: 'Batch Lens', version, platform, transport };
}
