// The built web host as a child process, and contract calls to it over HTTP with the session token.
import { startWebHostProcess, type RunningWebHost } from '../../e2e/support/web-host';
import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import { WebHostPaths } from '../../shared/transport';

/** A running web host and a typed caller for it. */
export interface BenchHost {
  host: RunningWebHost;
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>>;
}

/** Starts `out/main/serve.js` (build first) on a free port with a fresh data folder. */
export async function startBenchHost(): Promise<BenchHost> {
  const host = await startWebHostProcess();
  const token = new URL(host.url).searchParams.get(WebHostPaths.tokenQuery) ?? '';
  return {
    host,
    async call(name, args) {
      const response = await fetch(`${host.origin}${WebHostPaths.api}${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, [WebHostPaths.tokenHeader]: token },
        body: JSON.stringify(args),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.code}: ${envelope.error?.message}`);
      return envelope.value as CallResult<typeof name>;
    },
  };
}
