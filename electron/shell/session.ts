import type { Session } from 'electron';

/** Denies every permission request and check: the app needs no camera, notifications prompt, geolocation or the like. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
