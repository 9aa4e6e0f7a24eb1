import { Button, Caption1, Checkbox, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type MouseEvent, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TaskSummary } from '../../../shared/models';
import { MAX_AUTO_REFRESH_PAGES, useTaskPages } from '../../api/tasks';
import { AppLink } from '../../components/AppLink';
import { InlineError } from '../../components/InlineError';
import { ListSearch, StateFilter } from '../../components/ListFilters';
import { RefreshBar } from '../../components/RefreshBar';
import { formatDuration, formatTime, spanMs } from '../../components/time-format';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { useDebounced, useNow } from '../../components/use-now';
import { VirtualTable, type Column, type RowRange } from '../../components/VirtualTable';
import { nodePath, taskPath } from '../jobs/routes';
import { StatusBadge } from '../jobs/StatusBadge';
import { BulkActionDialog, type TaskActionName } from './BulkActionDialog';
import { EMPTY_SELECTION, headerCheckState, pruneSelection, selectAll, selectRange, selectedInOrder, toggleRow, type Selection } from './selection';
import { TASK_STATE_FILTERS, isTaskStateFilter, taskFilterArgs, type TaskStateFilter } from './task-filters';
import { mergeTaskPages, shouldLoadMore } from './task-paging';
import { taskStatus } from './task-status';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  selectionBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  footer: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, textAlign: 'center' },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

// The full time stays readable on hover when a narrow column cuts it.
function TimeCell({ iso }: { iso: string | undefined }) {
  const text = formatTime(iso);
  return <span title={text}>{text}</span>;
}

const shiftHeld = (event: SyntheticEvent) => (event.nativeEvent as unknown as MouseEvent).shiftKey === true;

/** Props of TaskList. */
export interface TaskListProps {
  accountId: string;
  jobId: string;
  /** The job's pool, for linking nodes of tasks whose own pool the list did not return. */
  poolId: string | undefined;
}

/** A job's tasks: paged from the service as the user scrolls, filtered server-side, multi-select with bulk actions. */
export function TaskList({ accountId, jobId, poolId }: TaskListProps) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('taskState');
  const state: TaskStateFilter = isTaskStateFilter(stateParam) ? stateParam : 'all';
  const searchText = params.get('taskId') ?? '';
  const search = useDebounced(searchText, 300);
  const filter = useMemo(() => taskFilterArgs({ state, search }), [state, search]);
  const pages = useTaskPages(accountId, jobId, filter);
  const rows = useMemo(() => mergeTaskPages(pages.data?.pages ?? []), [pages.data]);
  const ids = useMemo(() => rows.map((t) => t.id), [rows]);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // Rows that left the list (filter change, deletion) drop out of the selection without an extra render pass.
  const selection = pruneSelection(rawSelection, ids);
  const [bulk, setBulk] = useState<TaskActionName | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const now = useNow(1_000);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const refresh = () => void pages.refetch();
  // The job page around this list handles `r` for everything it shows.
  useListHotkeys(undefined, searchRef);

  const { hasNextPage, isFetchingNextPage, isFetching, fetchNextPage } = pages;
  const onRangeChange = useCallback(
    (range: RowRange) => {
      if (shouldLoadMore({ lastRenderedIndex: range.lastRendered, loadedCount: rows.length, hasNextPage, isFetching: isFetching || isFetchingNextPage })) {
        void fetchNextPage();
      }
    },
    [rows.length, hasNextPage, isFetching, isFetchingNextPage, fetchNextPage],
  );

  const onCheck = (event: SyntheticEvent, id: string) =>
    setSelection(shiftHeld(event) ? selectRange(selection, ids, id) : toggleRow(selection, id));
  const header = headerCheckState(selection, ids);
  const columns: Column<TaskSummary>[] = [
    {
      key: 'select',
      header: (
        <Checkbox
          aria-label="Select all loaded tasks"
          checked={header}
          onChange={() => setSelection(header === true ? EMPTY_SELECTION : selectAll(ids))}
          data-testid="select-all"
        />
      ),
      width: '36px',
      render: (task) => (
        <Checkbox aria-label={`Select ${task.id}`} checked={selection.ids.has(task.id)} onChange={(e) => onCheck(e, task.id)} data-testid="select-task" />
      ),
    },
    {
      key: 'id',
      header: 'Id',
      width: 'minmax(120px, 2fr)',
      render: (task) => (
        <AppLink to={taskPath(jobId, task.id)} testId="task-link">
          {task.id}
        </AppLink>
      ),
    },
    { key: 'state', header: 'State', width: '96px', render: (task) => <StatusBadge {...taskStatus(task)} /> },
    {
      key: 'exit',
      header: 'Exit code',
      width: '72px',
      render: (task) => <span className={task.exitCode ? styles.failed : undefined}>{task.exitCode ?? '—'}</span>,
    },
    {
      key: 'node',
      header: 'Node',
      width: 'minmax(100px, 1fr)',
      render: (task) => {
        const pool = task.poolId ?? poolId;
        if (!task.nodeId) return '—';
        return pool ? (
          <span title={task.nodeId}>
            <AppLink to={nodePath(pool, task.nodeId)}>{task.nodeId}</AppLink>
          </span>
        ) : (
          task.nodeId
        );
      },
    },
    { key: 'start', header: 'Start', width: 'minmax(130px, 1.2fr)', render: (task) => <TimeCell iso={task.startTime} /> },
    { key: 'end', header: 'End', width: 'minmax(130px, 1.2fr)', render: (task) => <TimeCell iso={task.endTime} /> },
    { key: 'duration', header: 'Duration', width: '80px', render: (task) => formatDuration(spanMs(task.startTime, task.endTime, now)) },
    { key: 'retries', header: 'Retries', width: '64px', render: (task) => task.retryCount ?? 0 },
  ];
  const selected = selectedInOrder(selection, ids);
  const pageCount = pages.data?.pages.length ?? 0;
  const footer = isFetchingNextPage ? 'Loading more tasks…' : hasNextPage ? 'Scroll for more' : rows.length ? `All ${rows.length} tasks loaded` : null;

  return (
    <>
      <div className={styles.toolbar}>
        <ListSearch
          label="Task id starts with"
          value={searchText}
          onChange={(value) => setParam('taskId', value)}
          placeholder="Task id prefix ( / )"
          inputRef={searchRef}
          testId="task-search"
        />
        <StateFilter value={state} options={TASK_STATE_FILTERS} onChange={(value) => setParam('taskState', value)} testId="task-state-filter" />
        <span className={styles.grow} />
        <RefreshBar
          updatedAt={pages.dataUpdatedAt}
          isFetching={isFetching}
          onRefresh={refresh}
          pausedReason={pageCount > MAX_AUTO_REFRESH_PAGES ? 'auto-refresh paused (many tasks loaded)' : undefined}
        />
      </div>
      <div className={styles.selectionBar}>
        <Caption1 data-testid="task-count">
          {rows.length} {rows.length === 1 ? 'task' : 'tasks'} loaded{hasNextPage ? ', more available' : ''}
          {selected.length ? ` · ${selected.length} selected` : ''}
        </Caption1>
        {selected.length ? (
          <Toolbar aria-label="Bulk task actions" size="small">
            <Button size="small" onClick={() => setBulk('reactivate')} data-testid="bulk-reactivate">
              Reactivate
            </Button>
            <Button size="small" onClick={() => setBulk('terminate')} data-testid="bulk-terminate">
              Terminate
            </Button>
            <Button size="small" onClick={() => setBulk('delete')} data-testid="bulk-delete">
              Delete
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setSelection(EMPTY_SELECTION)}>
              Clear selection
            </Button>
          </Toolbar>
        ) : null}
      </div>
      {pages.error ? <InlineError title="Could not list the tasks (retrying automatically)" error={pages.error} testId="tasks-error" /> : null}
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(t) => t.id}
        label="Tasks"
        rowHeight={40}
        height="480px"
        onRangeChange={onRangeChange}
        isSelected={(t) => selection.ids.has(t.id)}
        testId="tasks-table"
        empty={pages.isPending ? 'Loading tasks…' : state !== 'all' || search ? 'No task matches the filter.' : 'This job has no tasks yet.'}
        footer={footer ? <div className={styles.footer}>{footer}</div> : null}
      />
      {bulk ? (
        <BulkActionDialog
          accountId={accountId}
          jobId={jobId}
          action={bulk}
          taskIds={selected}
          onClose={(finished) => {
            setBulk(undefined);
            if (finished) setSelection(EMPTY_SELECTION);
          }}
        />
      ) : null}
    </>
  );
}
