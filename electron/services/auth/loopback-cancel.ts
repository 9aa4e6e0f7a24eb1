import { request } from 'node:http';

/**
 * msal-node offers no way to stop an interactive sign-in whose browser tab was closed: its loopback listener waits
 * for ever. This answers that listener the way Entra ID would if the user declined (an OAuth error carrying the
 * request's state), so msal closes the port and settles.
 */
export async function abandonLoopback(authorizeUrl: string): Promise<void> {
  const url = new URL(authorizeUrl);
  const redirect = url.searchParams.get('redirect_uri');
  const state = url.searchParams.get('state');
  if (!redirect || !state) return;
  const target = new URL(redirect);
  // Only ever msal's own listener on this machine.
  if (target.protocol !== 'http:' || target.hostname !== 'localhost' || !target.port) return;
  const body = new URLSearchParams({ error: 'access_denied', error_description: 'cancelled', state }).toString();
  await new Promise<void>((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(target.port),
        path: '/',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', () => resolve());
    req.end(body);
  });
}
