import { Button, Caption1, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { JobSummary, JobTaskCounts } from '../../../shared/models';
import { useJobs, useTaskCounts } from '../../api/jobs';
import { visibleIds } from '../../api/visible-batches';
import { AppLink } from '../../components/AppLink';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { ListSearch, StateFilter } from '../../components/ListFilters';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { useDebounced } from '../../components/use-now';
import { VirtualTable, type Column, type RowRange } from '../../components/VirtualTable';
import { jobStatus } from '../tasks/task-status';
import { JOB_STATE_FILTERS, isJobStateFilter, searchJobs, type JobStateFilter } from './job-filters';
import { JobProgressBar } from './JobProgressBar';
import { progressTotal } from './progress-segments';
import { jobPath, NEW_JOB_PATH, poolPath } from './routes';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  idCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  countText: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', minWidth: '72px' },
});

function ProgressCell({ counts }: { counts: JobTaskCounts | undefined }) {
  const styles = useStyles();
  if (!counts) {
    return (
      <Skeleton aria-label="Loading task counts">
        <SkeletonItem size={12} />
      </Skeleton>
    );
  }
  if (counts.error) return <Caption1 title={counts.error.message}>{counts.error.code ?? 'Counts unavailable'}</Caption1>;
  const c = counts.counts;
  return (
    <div className={styles.progress}>
      <JobProgressBar counts={c} />
      <Caption1 className={styles.countText}>{c ? `${c.succeeded + c.failed}/${progressTotal(c)}` : '—'}</Caption1>
    </div>
  );
}

/** The account's jobs: state filter, id search, and a live progress bar for the rows on screen. */
export function JobListView({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: JobStateFilter = isJobStateFilter(stateParam) ? stateParam : 'all';
  const search = params.get('q') ?? '';
  const searchRef = useRef<HTMLInputElement>(null);

  const jobs = useJobs(accountId, state === 'all' ? undefined : state);
  const rows = useMemo(() => searchJobs(jobs.data ?? [], search), [jobs.data, search]);
  const [range, setRange] = useState<RowRange>({ firstVisible: -1, lastVisible: -1, lastRendered: -1 });
  const onScreen = useMemo(() => visibleIds(rows.map((j) => j.id), range.firstVisible, range.lastVisible), [rows, range.firstVisible, range.lastVisible]);
  const countIds = useDebounced(onScreen, 250);
  const counts = useTaskCounts(accountId, countIds);

  // Built from the latest URL, not this render's: a quick clear-then-filter must not bring the old search back.
  const setParam = (key: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && value !== 'all') next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const refresh = () => {
    void jobs.refetch();
    counts.refetch();
  };
  useListHotkeys(refresh, searchRef);
  const onRangeChange = useCallback((r: RowRange) => setRange(r), []);

  const columns: Column<JobSummary>[] = [
    {
      key: 'id',
      header: 'Id',
      width: 'minmax(180px, 2fr)',
      render: (job) => (
        <span className={styles.idCell}>
          <AppLink to={jobPath(job.id)} testId="job-link">
            {job.id}
          </AppLink>
          <CopyIdButton value={job.id} what="job id" />
        </span>
      ),
    },
    { key: 'state', header: 'State', width: '110px', render: (job) => <StatusBadge {...jobStatus(job.state)} /> },
    {
      key: 'pool',
      header: 'Pool',
      width: 'minmax(120px, 1fr)',
      render: (job) => (job.poolId ? <AppLink to={poolPath(job.poolId)}>{job.poolId}</AppLink> : '—'),
    },
    { key: 'priority', header: 'Priority', width: '70px', render: (job) => job.priority ?? 0 },
    { key: 'progress', header: 'Tasks', width: 'minmax(200px, 2fr)', render: (job) => <ProgressCell counts={counts.byId[job.id]} /> },
  ];

  return (
    <Page title="Jobs">
      <div className={styles.toolbar}>
        <ListSearch
          label="Search by id"
          value={search}
          onChange={(value) => setParam('q', value)}
          placeholder="Search jobs ( / )"
          inputRef={searchRef}
          testId="job-search"
        />
        <StateFilter value={state} options={JOB_STATE_FILTERS} onChange={(value) => setParam('state', value)} testId="job-state-filter" />
        <span className={styles.grow} />
        <RefreshBar updatedAt={jobs.dataUpdatedAt} isFetching={jobs.isFetching} onRefresh={refresh} />
        <Button appearance="primary" onClick={() => navigate(NEW_JOB_PATH)} data-testid="create-job">
          Create job
        </Button>
      </div>
      {jobs.error ? <InlineError title="Could not list the jobs (retrying automatically)" error={jobs.error} testId="jobs-error" /> : null}
      {counts.error ? <InlineError title="Could not read task counts" error={counts.error} /> : null}
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(job) => job.id}
        label="Jobs"
        rowHeight={44}
        height="calc(100vh - 260px)"
        onRangeChange={onRangeChange}
        testId="jobs-table"
        empty={jobs.isPending ? 'Loading jobs…' : search || state !== 'all' ? 'No job matches the filter.' : 'No jobs yet. Create one to start.'}
      />
      <Caption1>
        {rows.length} {rows.length === 1 ? 'job' : 'jobs'}
        {jobs.data && rows.length !== jobs.data.length ? ` of ${jobs.data.length}` : ''}
      </Caption1>
    </Page>
  );
}
