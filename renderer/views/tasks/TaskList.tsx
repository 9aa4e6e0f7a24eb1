import { Button, Caption1, Checkbox, Field, Input, Toolbar, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type MouseEvent, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TaskRow, TaskSortColumn } from '../../../shared/models';
import { taskIndexKeys } from '../../api/keys';
import { useTaskIndexChanges, useTaskWindows } from '../../api/task-index';
import { AppLink } from '../../components/AppLink';
import { InlineError } from '../../components/InlineError';
import { ListSearch, StateFilter } from '../../components/ListFilters';
import { RefreshBar } from '../../components/RefreshBar';
import { formatDuration, formatTime, spanMs } from '../../components/time-format';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { useDebounced, useNow } from '../../components/use-now';
import { nodePath, taskPath } from '../jobs/routes';
import { StatusBadge } from '../jobs/StatusBadge';
import { BulkActionDialog, type TaskActionName } from './BulkActionDialog';
import { indexStatusText, newerStatus } from './index-status';
import { EMPTY_SELECTION, headerCheckState, selectAll, selectRange, selectedForAction, toggleRow, type Selection } from './selection';
import { TASK_STATE_FILTERS } from './task-filters';
import { nextSort, readTaskQuery, windowQuery, writeTaskQuery, type TaskQuery } from './task-query';
import { taskStatus } from './task-status';
import { TaskTable, type TaskColumn, type VisibleRows } from './TaskTable';
import { WINDOW_SIZE, heldIds, holdWindows, rowAt, windowStarts, windowTotal } from './task-window';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  narrow: { width: '110px' },
  selectionBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px', flexWrap: 'wrap' },
  status: { color: tokens.colorNeutralForeground3 },
  statusError: { color: tokens.colorPaletteRedForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

// Typing waits this long before the index is asked, so a word typed is one query, not one per key.
const TYPING_DEBOUNCE_MS = 300;
// Scrolling waits this long before windows are asked, so dragging the scrollbar through a million rows asks for the
// place it stops at, not every place it passed.
const SCROLL_DEBOUNCE_MS = 100;

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
  /** The job's pool, for linking nodes of tasks whose own pool the index did not record. */
  poolId: string | undefined;
}

/**
 * A job's tasks from main's task index: a virtual list over all of them that asks for windows of rows near the screen,
 * sorted and filtered over the whole job by the index; filter and sort live in the URL. Multi-select with bulk actions.
 */
export function TaskList({ accountId, jobId, poolId }: TaskListProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const query = readTaskQuery(params);
  const contains = useDebounced(query.contains, TYPING_DEBOUNCE_MS);
  const nodeId = useDebounced(query.nodeId, TYPING_DEBOUNCE_MS);
  const exitCode = useDebounced(query.exitCode, TYPING_DEBOUNCE_MS);
  // Keys hash by value, so a new object each render asks nothing new; the text names the list for resets.
  const request = windowQuery({ ...query, contains, nodeId, exitCode });
  const queryText = JSON.stringify(request);

  const [visible, setVisible] = useState('0:20:0');
  const settled = useDebounced(visible, SCROLL_DEBOUNCE_MS);
  const onVisibleChange = useCallback((rows: VisibleRows) => setVisible(`${rows.first}:${rows.last}:${rows.count}`), []);
  const [first = 0, last = 0, shown = 0] = settled.split(':').map(Number);
  const starts = windowStarts(first, last, shown);
  // With no rows known yet (or none at all) the first window still asks, to learn the total and the index status.
  const { windows, total } = useTaskWindows(accountId, jobId, request, starts.length ? starts : [0], WINDOW_SIZE);
  const held = holdWindows(windows);
  const count = windowTotal(windows) ?? 0;

  const eventStatus = useTaskIndexChanges(accountId, jobId);
  const status = newerStatus(eventStatus, [...held.values()].reduce<ReturnType<typeof newerStatus>>((s, w) => newerStatus(s, w.status), undefined));
  const ids = heldIds(held);
  const [picked, setPicked] = useState<{ key: string; selection: Selection }>({ key: queryText, selection: EMPTY_SELECTION });
  // A new filter or sort is a new list: what was selected in the old one is not on screen to act on.
  const selection = picked.key === queryText ? picked.selection : EMPTY_SELECTION;
  const setSelection = (next: Selection) => setPicked({ key: queryText, selection: next });
  const [bulk, setBulk] = useState<TaskActionName | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const now = useNow(1_000);
  // The job page around this list handles `r` for everything it shows.
  useListHotkeys(undefined, searchRef);

  const setQuery = (change: Partial<TaskQuery>) => setParams((prev) => writeTaskQuery(prev, change), { replace: true });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: taskIndexKeys.job(accountId, jobId) });
  const onSort = (column: TaskSortColumn) => setQuery({ sort: nextSort(query.sort, column) });
  const onCheck = (event: SyntheticEvent, id: string) => setSelection(shiftHeld(event) ? selectRange(selection, ids, id) : toggleRow(selection, id));
  const header = headerCheckState(selection, ids);
  const columns: TaskColumn[] = [
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
      sort: 'id',
      width: 'minmax(120px, 2fr)',
      render: (task) => (
        <AppLink to={taskPath(jobId, task.id)} testId="task-link">
          {task.id}
        </AppLink>
      ),
    },
    { key: 'state', header: 'State', sort: 'state', width: '96px', render: (task) => <StatusBadge {...taskStatus(task)} /> },
    {
      key: 'exit',
      header: 'Exit code',
      sort: 'exitCode',
      width: '80px',
      render: (task) => <span className={task.exitCode ? styles.failed : undefined}>{task.exitCode ?? '—'}</span>,
    },
    { key: 'node', header: 'Node', sort: 'nodeId', width: 'minmax(100px, 1fr)', render: (task) => <NodeCell task={task} poolId={poolId} /> },
    { key: 'start', header: 'Start', sort: 'startTime', width: 'minmax(130px, 1.2fr)', render: (task) => <TimeCell iso={task.startTime} /> },
    { key: 'end', header: 'End', sort: 'endTime', width: 'minmax(130px, 1.2fr)', render: (task) => <TimeCell iso={task.endTime} /> },
    { key: 'duration', header: 'Duration', sort: 'duration', width: '88px', render: (task) => formatDuration(spanMs(task.startTime, task.endTime, now)) },
    { key: 'retries', header: 'Retries', sort: 'retryCount', width: '72px', render: (task) => task.retryCount ?? 0 },
  ];
  const selected = selectedForAction(selection, ids);
  const fresh = windows.filter((w) => !w.isPlaceholderData);
  const error = windows.find((w) => w.error)?.error;
  const filtered = request.filter !== undefined;

  return (
    <>
      <div className={styles.toolbar}>
        <ListSearch
          label="Contains"
          value={query.contains}
          onChange={(value) => setQuery({ contains: value })}
          placeholder="Search tasks ( / )"
          inputRef={searchRef}
          testId="task-search"
        />
        <StateFilter value={query.state} options={TASK_STATE_FILTERS} onChange={(value) => setQuery({ state: value as TaskQuery['state'] })} testId="task-state-filter" />
        <Field label="Exit code" validationState={query.exitCode.trim() && request.filter?.exitCode === undefined && exitCode === query.exitCode ? 'error' : 'none'}>
          <Input className={styles.narrow} value={query.exitCode} onChange={(_e, d) => setQuery({ exitCode: d.value })} inputMode="numeric" data-testid="task-exit-filter" />
        </Field>
        <Field label="Node">
          <Input value={query.nodeId} onChange={(_e, d) => setQuery({ nodeId: d.value })} placeholder="Node id" data-testid="task-node-filter" />
        </Field>
        <span className={styles.grow} />
        <RefreshBar
          updatedAt={Math.max(0, ...fresh.map((w) => w.dataUpdatedAt))}
          isFetching={windows.some((w) => w.isFetching)}
          onRefresh={refresh}
        />
      </div>
      <div className={styles.selectionBar}>
        <Caption1 data-testid="task-count">
          {total === undefined ? 'Counting…' : `${total.toLocaleString('en-US')} ${total === 1 ? 'task' : 'tasks'}${filtered ? ' match' : ''}`}
          {selected.length ? ` · ${selected.length} selected` : ''}
        </Caption1>
        <Caption1
          className={mergeClasses(styles.status, status?.phase === 'error' && styles.statusError)}
          data-testid="task-index-status"
          data-phase={status?.phase}
        >
          {indexStatusText(status, now)}
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
      {error ? <InlineError title="Could not read the task index (retrying automatically)" error={error} testId="tasks-error" /> : null}
      <TaskTable
        count={count}
        rowAt={(index) => rowAt(held, index)}
        columns={columns}
        sort={query.sort}
        onSort={onSort}
        onVisibleChange={onVisibleChange}
        isSelected={(id) => selection.ids.has(id)}
        resetKey={queryText}
        empty={windows.every((w) => w.isPending) ? 'Loading tasks…' : filtered ? 'No task matches the filter.' : 'This job has no tasks yet.'}
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

function NodeCell({ task, poolId }: { task: TaskRow; poolId: string | undefined }) {
  const pool = task.poolId ?? poolId;
  if (!task.nodeId) return '—';
  return pool ? (
    <span title={task.nodeId}>
      <AppLink to={nodePath(pool, task.nodeId)}>{task.nodeId}</AppLink>
    </span>
  ) : (
    task.nodeId
  );
}
