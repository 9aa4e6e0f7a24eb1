/** One top-level section of the app, in navigation (and hotkey) order. */
export interface Section {
  path: string;
  label: string;
}

/** The six sections; position N is reached with Alt+N / Ctrl+N. */
export const SECTIONS: readonly Section[] = [
  { path: '/accounts', label: 'Accounts' },
  { path: '/pools', label: 'Pools' },
  { path: '/jobs', label: 'Jobs' },
  { path: '/data', label: 'Data' },
  { path: '/packages', label: 'Packages' },
  { path: '/settings', label: 'Settings' },
];

/** Where `/` and the start of the app land. */
export const DEFAULT_SECTION_PATH = '/pools';
