// GET /jobs/{jobId}/jobpreparationandreleasetaskstatus: the job's preparation and release tasks per node.
import type { Account } from '../engine/account.js';
import type { JobEntry } from '../engine/entries.js';
import { prepRecords, prepTaskId, releaseTaskId } from '../engine/prepRelease.js';
import { sideTaskDirName } from '../engine/sideTasks.js';
import { conflict } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { iso } from '../model/clock.js';
import type { PrepReleaseRecord, SideTaskExec } from '../model/records.js';
import type { FilterFields } from '../odata/index.js';
import { requireJob } from './common.js';
import { sendList } from './listing.js';
import { nodeUrl } from './wire.js';

const STATUS_FIELDS: FilterFields = {
  nodeId: 'string',
  poolId: 'string',
  'jobPreparationTaskExecutionInfo/state': 'enum',
  'jobPreparationTaskExecutionInfo/result': 'enum',
  'jobPreparationTaskExecutionInfo/exitCode': 'number',
  'jobPreparationTaskExecutionInfo/retryCount': 'number',
  'jobReleaseTaskExecutionInfo/state': 'enum',
  'jobReleaseTaskExecutionInfo/result': 'enum',
  'jobReleaseTaskExecutionInfo/exitCode': 'number',
};

function execToWire(exec: SideTaskExec, dir: string, url: string, withRetries: boolean): Record<string, unknown> {
  return {
    startTime: iso(exec.startTime),
    endTime: exec.endTime === undefined ? undefined : iso(exec.endTime),
    state: exec.state,
    taskRootDirectory: dir,
    taskRootDirectoryUrl: `${url}/files/${dir}`,
    exitCode: exec.exitCode,
    failureInfo: exec.failureInfo,
    retryCount: withRetries ? exec.retryCount : undefined,
    lastRetryTime: withRetries && exec.lastRetryTime !== undefined ? iso(exec.lastRetryTime) : undefined,
    result: exec.result,
  };
}

function statusToWire(job: JobEntry, rec: PrepReleaseRecord, base: string): Record<string, unknown> {
  const url = nodeUrl(base, rec.poolId, rec.nodeId);
  const prepId = prepTaskId(job);
  const releaseId = releaseTaskId(job);
  return {
    poolId: rec.poolId,
    nodeId: rec.nodeId,
    nodeUrl: url,
    jobPreparationTaskExecutionInfo: rec.prep && prepId !== undefined ? execToWire(rec.prep, sideTaskDirName(job.rec.id, prepId), url, true) : undefined,
    jobReleaseTaskExecutionInfo: rec.release && releaseId !== undefined ? execToWire(rec.release, sideTaskDirName(job.rec.id, releaseId), url, false) : undefined,
  };
}

/** The jobpreparationandreleasetaskstatus operation. */
export function prepReleaseStatusRoutes(account: Account): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/jobs/:jobId/jobpreparationandreleasetaskstatus',
      body: 'none',
      handler: (ctx) => {
        const job = requireJob(account, ctx);
        if (job.rec.props.jobPreparationTask === undefined) {
          throw conflict('JobPreparationTaskNotSpecified', 'The job has no job preparation task.');
        }
        const records = prepRecords(job);
        sendList(ctx, {
          entries: (after) => records.filter((r) => after === undefined || r.nodeId > after).map((r): [string, PrepReleaseRecord] => [r.nodeId, r]),
          fields: STATUS_FIELDS,
          toWire: (rec) => statusToWire(job, rec, ctx.base),
          entitySet: 'jobpreparationandreleasetaskstatuslist',
        });
      },
    },
  ];
}
