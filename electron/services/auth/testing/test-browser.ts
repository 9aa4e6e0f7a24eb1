import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

interface Page {
  status: number;
  text: string;
}

function fetchPage(url: URL, ca: string, method = 'GET', body?: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const onResponse = (res: import('node:http').IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    };
    // msal's redirect URI says localhost but it listens on 127.0.0.1 only; a real browser would fall back to IPv4.
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { method, headers, ca }, onResponse)
        : httpRequest({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers }, onResponse);
    req.on('error', reject);
    req.end(body);
  });
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Plays the system browser for sign-in tests: opens the authorize URL and submits the form_post it returns. */
export class TestBrowser {
  readonly opened: string[] = [];
  /** What the loopback showed after the redirect (msal's success or error page). */
  readonly landed: string[] = [];
  readonly failures: unknown[] = [];
  /** When false the "user" never finishes, as if the tab were closed. */
  completes = true;

  constructor(private readonly ca: string) {}

  /** The `openBrowser` to inject: returns at once, as the OS call does, and navigates in the background. */
  readonly openBrowser = async (url: string): Promise<void> => {
    this.opened.push(url);
    if (this.completes) void this.navigate(url).catch((error: unknown) => this.failures.push(error));
  };

  private async navigate(url: string): Promise<void> {
    const page = await fetchPage(new URL(url), this.ca);
    if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${page.text}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
    if (!action) throw new Error('no form_post in the authorize page');
    const form = new URLSearchParams();
    for (const match of page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) {
      form.append(match[1] ?? '', decodeEntities(match[2] ?? ''));
    }
    const landing = await fetchPage(new URL(decodeEntities(action)), this.ca, 'POST', form.toString());
    this.landed.push(landing.text);
  }
}
