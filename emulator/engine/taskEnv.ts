import { join } from 'node:path';

// Only these host variables reach tasks: enough to find programs and temp space, never the host's secrets.
const PASSTHROUGH = [
  'PATH', 'Path', 'PATHEXT', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
  'SystemRoot', 'SYSTEMROOT', 'windir', 'ComSpec', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramFiles',
  'ProgramData', 'NUMBER_OF_PROCESSORS', 'PROCESSOR_ARCHITECTURE', 'OS',
];

/** What a task's environment is built from. */
export interface TaskEnvInput {
  accountName: string;
  accountUrl: string;
  poolId: string;
  nodeId: string;
  isDedicated: boolean;
  jobId: string;
  taskId: string;
  nodeRoot: string;
  taskDir: string;
  jobSettings?: readonly { name: string; value?: string }[];
  taskSettings?: readonly { name: string; value?: string }[];
  /** The job preparation task's directory on the node, when the job has one. */
  jobPrepDir?: string;
  /** AZ_BATCH_APP_PACKAGE_* variables of the deployed application packages. */
  packages?: Record<string, string>;
}

/** The task's environment: a few host variables, the job's then the task's settings, then AZ_BATCH_*. */
export function taskEnvironment(input: TaskEnvInput, host: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSTHROUGH) {
    const value = host[name];
    if (value !== undefined) env[name] = value;
  }
  for (const setting of [...(input.jobSettings ?? []), ...(input.taskSettings ?? [])]) {
    env[setting.name] = setting.value ?? '';
  }
  Object.assign(env, {
    AZ_BATCH_ACCOUNT_NAME: input.accountName,
    AZ_BATCH_ACCOUNT_URL: input.accountUrl,
    AZ_BATCH_POOL_ID: input.poolId,
    AZ_BATCH_NODE_ID: input.nodeId,
    AZ_BATCH_NODE_IS_DEDICATED: String(input.isDedicated),
    AZ_BATCH_JOB_ID: input.jobId,
    AZ_BATCH_TASK_ID: input.taskId,
    AZ_BATCH_TASK_DIR: input.taskDir,
    AZ_BATCH_TASK_WORKING_DIR: join(input.taskDir, 'wd'),
    AZ_BATCH_CERTIFICATES_DIR: join(input.taskDir, 'certs'),
    AZ_BATCH_NODE_ROOT_DIR: input.nodeRoot,
    AZ_BATCH_NODE_SHARED_DIR: join(input.nodeRoot, 'shared'),
    AZ_BATCH_NODE_STARTUP_DIR: join(input.nodeRoot, 'startup'),
    AZ_BATCH_NODE_STARTUP_WORKING_DIR: join(input.nodeRoot, 'startup', 'wd'),
    AZ_BATCH_NODE_MOUNTS_DIR: join(input.nodeRoot, 'fsmounts'),
    AZ_BATCH_TASK_USER: '_azbatch',
    AZ_BATCH_TASK_USER_IDENTITY: 'PoolNonAdmin',
  });
  Object.assign(env, input.packages);
  if (input.jobPrepDir !== undefined) {
    env.AZ_BATCH_JOB_PREP_DIR = input.jobPrepDir;
    env.AZ_BATCH_JOB_PREP_WORKING_DIR = join(input.jobPrepDir, 'wd');
  }
  return env;
}
