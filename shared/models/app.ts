// Plain-JSON models shared by main and renderer. Never SDK class instances.

export type TransportKind = 'ipc' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  transport: TransportKind;
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}
