// Electron's own postinstall downloads its binary from GitHub. Where that is impossible (offline or
// registry-only machines) npm drops the optional `electron` package entirely, which would also take its
// type definitions away from typecheck and build. This step puts the registry package back without the
// binary, so everything but launching Electron still works; `npm start` then explains how to get it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wanted = pkg.optionalDependencies?.electron;
const target = join(root, 'node_modules', 'electron');

if (!wanted) process.exit(0);
if (existsSync(join(target, 'package.json'))) {
  const have = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')).version;
  if (have === wanted) process.exit(0);
}

const tmp = join(root, 'node_modules', '.electron-pack');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tarball = execFileSync(npm, ['pack', `electron@${wanted}`, '--silent', '--ignore-scripts'], {
  cwd: tmp,
  encoding: 'utf8',
  shell: process.platform === 'win32',
})
  .trim()
  .split('\n')
  .pop();
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
execFileSync('tar', ['-xzf', join(tmp, tarball), '-C', target, '--strip-components=1']);
rmSync(tmp, { recursive: true, force: true });
console.log(
  `electron ${wanted}: the binary could not be downloaded; installed the package without it ` +
    '(typecheck and build work, `npm start` falls back to the web host).',
);
