// Electron security gate for `npm test`: runs electronegativity over the shell and the renderer and fails on any
// HIGH or MEDIUM finding, or on any file it could not parse (an unparsed file is an unchecked file).
// Its CLI exits 0 whatever it finds, hence the programmatic API.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron;

// Checks left out, each with its reason:
// - AvailableSecurityFixesGlobalCheck fetches Electron's release list from the network, which CI machines cannot
//   reach; the Electron version is pinned in package.json and reviewed there.
const excluded = ['AvailableSecurityFixesGlobalCheck'];

const scan = mkdtempSync(join(tmpdir(), 'bl-electronegativity-'));
const skipTests = (src) => !/\.test\.tsx?$/.test(src);
cpSync(join(root, 'electron'), join(scan, 'electron'), { recursive: true, filter: skipTests });
cpSync(join(root, 'renderer'), join(scan, 'renderer'), { recursive: true, filter: skipTests });

const electronegativity = require('@doyensec/electronegativity');
const run = electronegativity.default ?? electronegativity;
let result;
try {
  result = await run({
    input: scan,
    isRelative: true,
    customScan: [],
    excludeFromScan: excluded,
    parserPlugins: [],
    electronVersionOverride: electronVersion,
  });
} finally {
  rmSync(scan, { recursive: true, force: true });
}

const blocking = result.issues.filter((issue) => ['HIGH', 'MEDIUM'].includes(issue.severity?.name));
const unparsed = result.errors.filter((error) => !error.tolerable);
for (const issue of result.issues) {
  console.log(`${issue.severity.name.padEnd(13)} ${issue.id} ${issue.file}:${issue.location?.line ?? 0} ${issue.description}`);
}
for (const error of unparsed) console.log(`PARSE ERROR  ${error.file}: ${error.message}`);
console.log(
  `electronegativity: ${result.issues.length} finding(s), ${blocking.length} HIGH/MEDIUM, ${unparsed.length} unparsed file(s)`,
);
process.exit(blocking.length > 0 || unparsed.length > 0 ? 1 : 0);
