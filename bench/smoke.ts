// Runs every benchmark at about 1/100 of its real scale, so they keep working; figures here mean nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One benchmark and the small-scale arguments of its smoke run. */
interface SmokeRun {
  script: string;
  args: string[];
}

const RUNS: SmokeRun[] = [
  { script: 'bench/emulator/bench.ts', args: ['--tasks', '1000', '--completions', '100'] },
  { script: 'bench/files/bench.ts', args: ['--mb', '2', '--runs', '1'] },
  { script: 'bench/task-index/bench.ts', args: ['--tasks', '10000'] },
  { script: 'bench/heatmap/bench.ts', args: ['--nodes', '200'] },
  { script: 'bench/task-list/bench.ts', args: ['--tasks', '10000'] },
];

function run({ script, args }: SmokeRun): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', join(ROOT, script), ...args], { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'main', 'serve.js'))) {
    console.error('bench smoke: build first (npm run build); the viewer and heatmap benchmarks use the built web host');
    process.exit(1);
  }
  const failed: string[] = [];
  for (const smoke of RUNS) {
    if (!existsSync(join(ROOT, smoke.script))) {
      failed.push(`${smoke.script} (missing)`);
      continue;
    }
    console.log(`\n=== ${smoke.script} ${smoke.args.join(' ')}`);
    const code = await run(smoke);
    if (code !== 0) failed.push(`${smoke.script} (exit code ${code})`);
  }
  if (failed.length) {
    console.error(`\nbench smoke failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  console.log(`\nbench smoke: all ${RUNS.length} benchmarks ran at small scale`);
}

void main();
