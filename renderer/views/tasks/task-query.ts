// The task list's filter and sort, kept in the URL (bookmarks, reload) and turned into `taskIndex.window` arguments.
import type { CallArgs } from '../../../shared/contract';
import { TASK_SORT_COLUMNS, type TaskSortColumn } from '../../../shared/models';
import { isTaskStateFilter, type TaskStateFilter } from './task-filters';

/** URL search parameters of the task list. */
export const TASK_PARAMS = { state: 'taskState', exitCode: 'taskExit', nodeId: 'taskNode', contains: 'taskSearch', sort: 'taskSort' } as const;

/** A sort order of the task list. */
export interface TaskSort {
  column: TaskSortColumn;
  direction: 'asc' | 'desc';
}

/** What the task list shows, as typed: text fields stay raw so the inputs keep what the user typed. */
export interface TaskQuery {
  state: TaskStateFilter;
  exitCode: string;
  nodeId: string;
  contains: string;
  sort: TaskSort | undefined;
}

/** The longest filter text the call accepts. */
export const MAX_FILTER_TEXT = 200;

const isSortColumn = (value: string): value is TaskSortColumn => (TASK_SORT_COLUMNS as readonly string[]).includes(value);

/** Reads `column:asc|desc`; anything else means the index's default order. */
export function parseSort(text: string | null): TaskSort | undefined {
  const [column = '', direction = 'asc'] = (text ?? '').split(':');
  if (!isSortColumn(column) || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { column, direction };
}

/** The task list's query from the URL. */
export function readTaskQuery(params: URLSearchParams): TaskQuery {
  const state = params.get(TASK_PARAMS.state);
  return {
    state: isTaskStateFilter(state) ? state : 'all',
    exitCode: params.get(TASK_PARAMS.exitCode) ?? '',
    nodeId: params.get(TASK_PARAMS.nodeId) ?? '',
    contains: params.get(TASK_PARAMS.contains) ?? '',
    sort: parseSort(params.get(TASK_PARAMS.sort)),
  };
}

/** The URL after changing part of the query; defaults leave the URL, and other parameters stay as they were. */
export function writeTaskQuery(params: URLSearchParams, change: Partial<TaskQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  if (change.state !== undefined) set(TASK_PARAMS.state, change.state === 'all' ? '' : change.state);
  if (change.exitCode !== undefined) set(TASK_PARAMS.exitCode, change.exitCode.trim());
  if (change.nodeId !== undefined) set(TASK_PARAMS.nodeId, change.nodeId);
  if (change.contains !== undefined) set(TASK_PARAMS.contains, change.contains);
  if ('sort' in change) set(TASK_PARAMS.sort, change.sort ? `${change.sort.column}:${change.sort.direction}` : '');
  return next;
}

/** An exit code as typed, or undefined when the text is not a whole number (the filter then ignores it). */
export function parseExitCode(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,10}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && Math.abs(value) <= 2 ** 31 ? value : undefined;
}

/** The window arguments of a query (without account, job, offset and limit); empty parts are left out. */
export type WindowQuery = Pick<CallArgs<'taskIndex.window'>, 'sort' | 'filter'>;

/** The `sort` and `filter` of `taskIndex.window` for a query. */
export function windowQuery(query: TaskQuery): WindowQuery {
  const filter: NonNullable<WindowQuery['filter']> = {};
  if (query.state !== 'all') filter.states = [query.state];
  const exitCode = parseExitCode(query.exitCode);
  if (exitCode !== undefined) filter.exitCode = exitCode;
  const nodeId = query.nodeId.trim().slice(0, MAX_FILTER_TEXT);
  if (nodeId) filter.nodeId = nodeId;
  const contains = query.contains.trim().slice(0, MAX_FILTER_TEXT);
  if (contains) filter.contains = contains;
  const out: WindowQuery = {};
  if (Object.keys(filter).length) out.filter = filter;
  if (query.sort) out.sort = query.sort;
  return out;
}

/** True when the query filters anything out. */
export function isFiltered(query: WindowQuery): boolean {
  return query.filter !== undefined;
}

/** The sort after clicking a column header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: TaskSort | undefined, column: TaskSortColumn): TaskSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

/** A column header's `aria-sort`. */
export function ariaSort(current: TaskSort | undefined, column: TaskSortColumn): 'ascending' | 'descending' | 'none' {
  if (current?.column !== column) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}
