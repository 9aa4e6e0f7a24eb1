// App routes travel from main to the renderer (notification links); both sides check them the same way.

/** True for a route inside the app (`/jobs/x`), never another origin (`//host`), a scheme or a Windows path. */
export function isAppRoute(value: unknown): value is string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return false;
  // Control characters never belong in a route and could hide what a link really opens.
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return false;
  return true;
}
