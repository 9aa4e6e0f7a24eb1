import { Body1, Button, Caption1, Card, Spinner, Subtitle2, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { TaskCountsView } from '../../../shared/models';
import { useHistory } from '../../api/history';
import { useJob, useRefreshJob, useTaskCounts } from '../../api/jobs';
import { DEFAULT_CHART_RANGE_MS, RangeSelector, TimeSeriesChart, type ChartLine } from '../../charts';
import { AppLink } from '../../components/AppLink';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { JsonView } from '../../components/JsonView';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { FailuresPanel } from '../failures/FailuresPanel';
import { AddTasksDialog } from '../tasks/AddTasksDialog';
import { jobStatus } from '../tasks/task-status';
import { TaskList } from '../tasks/TaskList';
import { jobInfoRows } from './job-info';
import { JobActions } from './JobActions';
import { JobProgressBar } from './JobProgressBar';
import { progressTotal } from './progress-segments';
import { JOBS_PATH, poolPath } from './routes';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(5, minmax(80px, 1fr))', gap: tokens.spacingHorizontalM },
  count: { display: 'flex', flexDirection: 'column' },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  info: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  pair: { display: 'contents' },
});

// Plain colours: recharts draws SVG attributes, where theme CSS variables are not reliable; these read on light and dark.
const CHART_LINES: ChartLine[] = [
  { key: 'succeeded', label: 'Succeeded', color: '#13a10e' },
  { key: 'failed', label: 'Failed', color: '#c50f1f' },
  { key: 'running', label: 'Running', color: '#0f6cbd' },
  { key: 'active', label: 'Active', color: '#c19c00' },
];

const COUNT_KEYS: (keyof TaskCountsView)[] = ['active', 'running', 'succeeded', 'failed'];

type JobTab = 'tasks' | 'failures' | 'info' | 'json';

const JOB_TABS: readonly JobTab[] = ['tasks', 'failures', 'info', 'json'];

function CountsCard({ counts, error }: { counts: TaskCountsView | undefined; error: unknown }) {
  const styles = useStyles();
  return (
    <Card data-testid="job-counts">
      <div className={styles.counts}>
        {COUNT_KEYS.map((key) => (
          <div className={styles.count} key={key}>
            <Caption1>{key}</Caption1>
            <span className={styles.number} data-testid={`count-${key}`}>
              {counts ? counts[key] : '—'}
            </span>
          </div>
        ))}
        <div className={styles.count}>
          <Caption1>total</Caption1>
          <span className={styles.number} data-testid="count-total">
            {counts ? progressTotal(counts) : '—'}
          </span>
        </div>
      </div>
      <JobProgressBar counts={counts} />
      {error ? <InlineError title="Could not read the task counts" error={error} /> : null}
    </Card>
  );
}

/** One job: live task counts and their history, actions, info, JSON, and its task list. */
export function JobPage({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const jobId = useParams().jobId ?? '';
  const [params, setParams] = useSearchParams();
  const tab: JobTab = JOB_TABS.find((t) => t === params.get('tab')) ?? 'tasks';
  const [rangeMs, setRangeMs] = useState(DEFAULT_CHART_RANGE_MS);
  const [adding, setAdding] = useState(false);
  const job = useJob(accountId, jobId);
  const ids = useMemo(() => [jobId], [jobId]);
  const counts = useTaskCounts(accountId, ids);
  const jobCounts = counts.byId[jobId];
  const history = useHistory(accountId, 'job', jobId, rangeMs);
  const refresh = useRefreshJob(accountId, jobId);
  // `r` refreshes the whole page; the task list keeps `/` for its search box.
  useListHotkeys(refresh);
  const setTab = (value: JobTab) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('g');
        next.delete('group');
        if (value === 'tasks') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  const poolId = job.data?.poolId;

  return (
    <Page title={`Job ${jobId}`}>
      <div className={styles.row}>
        <AppLink to={JOBS_PATH}>← Jobs</AppLink>
        <CopyIdButton value={jobId} what="job id" />
        {job.data ? <StatusBadge {...jobStatus(job.data.state)} /> : null}
        {poolId ? (
          <Body1>
            Pool <AppLink to={poolPath(poolId)}>{poolId}</AppLink>
          </Body1>
        ) : null}
        {job.data ? <Body1>Priority {job.data.priority ?? 0}</Body1> : null}
        <span className={styles.grow} />
        <RefreshBar updatedAt={job.dataUpdatedAt} isFetching={job.isFetching || counts.isFetching} onRefresh={refresh} />
      </div>
      {job.error ? <InlineError title={`Could not load job ${jobId} (retrying automatically)`} error={job.error} testId="job-error" /> : null}
      {job.isPending ? <Spinner label="Loading the job…" /> : null}
      <div className={styles.row}>
        <JobActions accountId={accountId} jobId={jobId} state={job.data?.state} />
        <Button appearance="primary" onClick={() => setAdding(true)} data-testid="add-tasks" disabled={!job.data}>
          Add tasks
        </Button>
      </div>
      <CountsCard counts={jobCounts?.counts} error={counts.error ?? jobCounts?.error} />
      <section className={styles.section} aria-label="Task counts over time">
        <div className={styles.row}>
          <Subtitle2 as="h2">Task counts over time</Subtitle2>
          <RangeSelector value={rangeMs} onChange={setRangeMs} />
        </div>
        {history.error ? <InlineError title="Could not load the chart history" error={history.error} /> : null}
        <TimeSeriesChart series={history.data} lines={CHART_LINES} stacked rangeMs={rangeMs} height={200} aria-label="Task counts over time" />
      </section>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as JobTab)}>
        <Tab value="tasks">Tasks</Tab>
        <Tab value="failures" data-testid="failures-tab">
          Failures{jobCounts?.counts?.failed ? ` (${jobCounts.counts.failed.toLocaleString()})` : ''}
        </Tab>
        <Tab value="info">Info</Tab>
        <Tab value="json">JSON</Tab>
      </TabList>
      {tab === 'tasks' ? <TaskList accountId={accountId} jobId={jobId} poolId={poolId} /> : null}
      {tab === 'failures' ? <FailuresPanel accountId={accountId} jobId={jobId} /> : null}
      {tab === 'info' && job.data ? (
        <dl className={styles.info} data-testid="job-info">
          {jobInfoRows(job.data.raw).map((r) => (
            <div key={r.label} className={styles.pair}>
              <dt className={styles.term}>{r.label}</dt>
              <dd className={styles.dd}>{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {tab === 'json' && job.data ? <JsonView value={job.data.raw} label={`Job ${jobId} as JSON`} /> : null}
      {adding ? <AddTasksDialog accountId={accountId} jobId={jobId} onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}
