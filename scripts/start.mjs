// `npm start`: builds and launches the desktop app; where Electron's binary is missing (it is downloaded from
// GitHub at install time, which offline machines cannot reach) it says so in one line and runs the web host.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function electronBinary() {
  try {
    return createRequire(import.meta.url)('electron');
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
if (electron) {
  run(electron, [root, ...process.argv.slice(2)]);
} else {
  console.log(
    'Electron binary not installed (npm could not download it from GitHub); get it with `node node_modules/electron/install.js` ' +
      'on a machine that reaches github.com. Starting the web host instead; open the URL below in your browser.',
  );
  run(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...process.argv.slice(2)]);
}
