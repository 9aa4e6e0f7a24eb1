// The sample workload's application package: a tiny zip, built in memory, whose scripts upper-case a text file
// and count its words — a POSIX shell script for Linux and macOS hosts and a .cmd for Windows hosts.
import { strToU8, zipSync } from 'fflate';
import { appPackageEnvName } from '../../../emulator/engine/appPackages';

export const SAMPLE_APP_ID = 'sample-app';
export const SAMPLE_APP_VERSION = '1.0';

const SHELL_SCRIPT = `#!/bin/sh
# Usage: transform.sh INPUT OUTPUT [SECONDS]. Writes INPUT upper-cased to OUTPUT and prints its word count;
# SECONDS of pretend work first, so the sample's nodes are seen busy.
set -e
sleep "\${3:-0}"
tr '[:lower:]' '[:upper:]' < "$1" > "$2"
echo "words in $1: $(wc -w < "$1" | tr -d ' ')"
`;

// PowerShell does the work because cmd has no upper-casing of its own; every supported Windows has it.
const CMD_SCRIPT = [
  '@echo off',
  'rem Usage: transform.cmd INPUT OUTPUT [SECONDS]. Writes INPUT upper-cased to OUTPUT and prints its word count;',
  'rem SECONDS of pretend work first, so the sample\'s nodes are seen busy.',
  'if not "%~3"=="" ping -n %~3 127.0.0.1 >nul',
  `powershell -NoProfile -NonInteractive -Command "$t = [IO.File]::ReadAllText('%~f1'); [IO.File]::WriteAllText('%~f2', $t.ToUpperInvariant()); 'words in %~1: ' + ($t -split '\\s+' | Where-Object { $_ }).Count"`,
  'exit /b %ERRORLEVEL%',
  '',
].join('\r\n');

/** The package's zip: `transform.sh` and `transform.cmd` at its root. */
export function sampleAppZip(): Buffer {
  return Buffer.from(zipSync({ 'transform.sh': [strToU8(SHELL_SCRIPT), { os: 3, attrs: 0o755 << 16 }], 'transform.cmd': strToU8(CMD_SCRIPT) }));
}

/** What a sample task runs: the package's script on one input, found through the package's environment variable. */
export function transformCommand(input: string, output: string, seconds: number, platform: NodeJS.Platform = process.platform): string {
  const variable = appPackageEnvName(SAMPLE_APP_ID, SAMPLE_APP_VERSION, platform);
  if (platform === 'win32') return `cmd.exe /c call "%${variable}%\\transform.cmd" ${input} ${output} ${seconds}`;
  return `/bin/sh -c '/bin/sh "$${variable}/transform.sh" ${input} ${output} ${seconds}'`;
}
