import { Body1, Caption1, Card, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTask } from '../../api/tasks';
import { AppLink } from '../../components/AppLink';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { JsonView } from '../../components/JsonView';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { formatDuration, formatTime } from '../../components/time-format';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { useNow } from '../../components/use-now';
import { TaskOutputs } from '../data/TaskOutputs';
import { FileTailPanel } from '../files/FileTailPanel';
import { taskFilesPath, taskLogsPath } from '../files/routes';
import { jobPath, nodePath, taskPath } from '../jobs/routes';
import { StatusBadge } from '../jobs/StatusBadge';
import { taskDetailModel, type TaskDetailModel } from './task-detail-model';
import { taskStatus } from './task-status';
import { TaskActions } from './TaskActions';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  code: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  timeline: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  step: { display: 'grid', gridTemplateColumns: '80px 1fr', columnGap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  pairs: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: 'contents' },
  dd: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  exit: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

function Pairs({ rows, testId }: { rows: { label: string; value: string | number | undefined }[]; testId?: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.pairs} data-testid={testId}>
      {rows.map((r) => (
        <div className={styles.pair} key={r.label}>
          <dt className={styles.muted}>{r.label}</dt>
          <dd className={styles.dd}>{r.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ model, accountId, jobId, taskId, failed }: { model: TaskDetailModel; accountId: string; jobId: string; taskId: string; failed: boolean }) {
  const styles = useStyles();
  const deps = model.dependencies;
  const dependencyParts = [
    ...deps.taskIds.map((id) => ({ key: `id:${id}`, node: <AppLink to={taskPath(jobId, id)}>{id}</AppLink> })),
    ...deps.ranges.map((r) => ({ key: `range:${r.start}-${r.end}`, node: `ids ${r.start}–${r.end}` })),
  ];
  return (
    <>
      <Card>
        <Subtitle2 as="h2">Command line</Subtitle2>
        <pre className={styles.code} data-testid="task-command-line">
          {model.commandLine ?? '—'}
        </pre>
      </Card>
      <div className={styles.grid}>
        <Card>
          <Subtitle2 as="h2">Timeline</Subtitle2>
          <ol className={styles.timeline} data-testid="task-timeline">
            {model.timeline.map((step) => (
              <li key={step.label} className={styles.step}>
                <Body1>{step.label}</Body1>
                <span>
                  {step.time ? formatTime(step.time) : <span className={styles.muted}>not yet</span>}
                  {step.after ? <Caption1 className={styles.muted}> · {step.after.label.toLowerCase()} {formatDuration(step.after.ms)}</Caption1> : null}
                </span>
              </li>
            ))}
          </ol>
        </Card>
        <Card>
          <Subtitle2 as="h2">Outcome</Subtitle2>
          <div className={styles.row}>
            <span>
              <Caption1 className={styles.muted}>Exit code</Caption1>
              <div className={styles.exit} data-testid="task-exit-code">
                {model.exitCode ?? '—'}
              </div>
            </span>
            <Pairs
              rows={[
                { label: 'Result', value: model.result },
                { label: 'Retries', value: model.retryCount },
                { label: 'Requeues', value: model.requeueCount },
              ]}
            />
          </div>
          {model.node ? (
            <Body1>
              Ran on node{' '}
              <AppLink to={nodePath(model.node.poolId, model.node.nodeId)} testId="task-node-link">
                {model.node.nodeId}
              </AppLink>{' '}
              of pool {model.node.poolId}
            </Body1>
          ) : (
            <Body1 className={styles.muted}>Not scheduled on a node yet</Body1>
          )}
        </Card>
      </div>
      {model.failure ? (
        <MessageBar intent="error" layout="multiline" data-testid="task-failure">
          <MessageBarBody>
            <MessageBarTitle>
              {model.failure.category ?? 'Failure'}: {model.failure.code ?? 'unknown code'}
            </MessageBarTitle>
            {model.failure.message}
            {model.failure.details.length ? <Pairs rows={model.failure.details.map((d) => ({ label: d.name, value: d.value }))} /> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {failed ? (
        <FileTailPanel accountId={accountId} source={{ kind: 'task', jobId, taskId }} path="stderr.txt" title="Last lines of stderr.txt" />
      ) : null}
      <div className={styles.grid}>
        <Card>
          <Subtitle2 as="h2">Constraints</Subtitle2>
          {model.constraints.length ? <Pairs rows={model.constraints} /> : <Body1 className={styles.muted}>Service defaults</Body1>}
        </Card>
        <Card>
          <Subtitle2 as="h2">Environment</Subtitle2>
          {model.environment.length ? (
            <Pairs rows={model.environment.map((e) => ({ label: e.name, value: e.value }))} testId="task-environment" />
          ) : (
            <Body1 className={styles.muted}>No variables set</Body1>
          )}
        </Card>
        <Card>
          <Subtitle2 as="h2">Dependencies</Subtitle2>
          {dependencyParts.length ? (
            <Body1 data-testid="task-dependencies">
              {dependencyParts.map((part, i) => (
                <span key={part.key}>
                  {i ? ', ' : ''}
                  {part.node}
                </span>
              ))}
            </Body1>
          ) : (
            <Body1 className={styles.muted}>None</Body1>
          )}
        </Card>
      </div>
    </>
  );
}

type TaskTab = 'details' | 'outputs' | 'json';

/** One task: command line, timeline, exit code and failure, node, counts, constraints, environment, dependencies. */
export function TaskPage({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const { jobId = '', taskId = '' } = useParams();
  const task = useTask(accountId, jobId, taskId);
  const [tab, setTab] = useState<TaskTab>('details');
  const now = useNow(1_000);
  const refresh = () => void task.refetch();
  useListHotkeys(refresh);
  const model = task.data ? taskDetailModel(task.data.raw, now) : undefined;
  return (
    <Page title={`Task ${taskId}`}>
      <div className={styles.row}>
        <AppLink to={jobPath(jobId)}>← Job {jobId}</AppLink>
        <CopyIdButton value={taskId} what="task id" />
        {task.data ? <StatusBadge {...taskStatus(task.data)} /> : null}
        <AppLink to={taskLogsPath(jobId, taskId)} testId="task-logs-link">
          stdout and stderr
        </AppLink>
        <AppLink to={taskFilesPath(jobId, taskId)} testId="task-files-link">
          Files
        </AppLink>
        <span className={styles.grow} />
        <RefreshBar updatedAt={task.dataUpdatedAt} isFetching={task.isFetching} onRefresh={refresh} />
      </div>
      {task.error ? <InlineError title={`Could not load task ${taskId} (retrying automatically)`} error={task.error} testId="task-error" /> : null}
      {task.isPending ? <Spinner label="Loading the task…" /> : null}
      <TaskActions accountId={accountId} jobId={jobId} taskId={taskId} state={task.data?.state} />
      {task.data && model ? (
        <>
          <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TaskTab)}>
            <Tab value="details">Details</Tab>
            <Tab value="outputs" data-testid="task-outputs-tab">
              Outputs
            </Tab>
            <Tab value="json">JSON</Tab>
          </TabList>
          {tab === 'details' ? (
            <Details model={model} accountId={accountId} jobId={jobId} taskId={taskId} failed={task.data.result === 'failure' || model.failure !== undefined} />
          ) : null}
          {tab === 'outputs' ? <TaskOutputs accountId={accountId} jobId={jobId} taskId={taskId} task={{ state: task.data.state, result: task.data.result }} /> : null}
          {tab === 'json' ? <JsonView value={task.data.raw} label={`Task ${taskId} as JSON`} /> : null}
        </>
      ) : null}
    </Page>
  );
}
