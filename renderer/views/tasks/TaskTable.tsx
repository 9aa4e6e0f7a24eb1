import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { TaskRow, TaskSortColumn } from '../../../shared/models';
import { visibleSlice } from './scroll-math';
import { ariaSort, type TaskSort } from './task-query';

/** One column of the task table. */
export interface TaskColumn {
  key: string;
  header: ReactNode;
  /** A CSS grid track, e.g. "minmax(120px, 2fr)". */
  width: string;
  /** The index column this header sorts by, when it sorts. */
  sort?: TaskSortColumn;
  render: (row: TaskRow, index: number) => ReactNode;
}

/** Rows on screen, for fetching the windows that cover them, and the row count they were measured against. */
export interface VisibleRows {
  first: number;
  last: number;
  count: number;
}

/** Props of TaskTable. */
export interface TaskTableProps {
  /** Rows in the whole list (the index's `total`), loaded or not. */
  count: number;
  rowAt: (index: number) => TaskRow | undefined;
  columns: readonly TaskColumn[];
  sort: TaskSort | undefined;
  onSort: (column: TaskSortColumn) => void;
  onVisibleChange: (rows: VisibleRows) => void;
  isSelected: (id: string) => boolean;
  /** Changing it scrolls back to the top (a new filter or sort is a new list). */
  resetKey: string;
  empty: ReactNode;
  rowHeight?: number;
  height?: string;
}

const OVERSCAN = 8;

const useStyles = makeStyles({
  table: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', minWidth: 0 },
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
  },
  header: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, minHeight: '36px' },
  sortButton: {
    background: 'none',
    border: 'none',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  body: { overflow: 'auto', position: 'relative' },
  bodyRow: { position: 'absolute', left: 0, right: 0, ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover } },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  cell: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  placeholder: { height: '10px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3, width: '70%' },
  empty: { padding: tokens.spacingVerticalXL, color: tokens.colorNeutralForeground3 },
});

/**
 * The task list's table: fixed-height rows over any count (a scaled scrollbar past a few million px), sortable headers
 * with `aria-sort`, and light placeholders for rows whose window has not arrived. Renders only the rows in view.
 */
export function TaskTable(props: TaskTableProps) {
  const { count, rowAt, columns, sort, onSort, onVisibleChange, isSelected, resetKey, empty, rowHeight = 40, height = '480px' } = props;
  const styles = useStyles();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrolled, setScrolled] = useState({ key: resetKey, top: 0 });
  const scrollTop = scrolled.key === resetKey ? scrolled.top : 0;
  const [viewport, setViewport] = useState(480);

  useEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [bodyRef]);

  useLayoutEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
  }, [resetKey, bodyRef]);

  const slice = visibleSlice(scrollTop, { count, rowHeight, viewport, overscan: OVERSCAN });
  useEffect(() => {
    onVisibleChange({ first: Math.max(0, slice.firstVisible), last: Math.max(0, slice.lastVisible), count });
  }, [onVisibleChange, slice.firstVisible, slice.lastVisible, count]);

  const template = columns.map((c) => c.width).join(' ');
  const rows: ReactNode[] = [];
  for (let index = slice.firstRendered; index >= 0 && index <= slice.lastRendered; index++) {
    const row = rowAt(index);
    const top = slice.top + (index - slice.firstRendered) * rowHeight;
    const selected = row !== undefined && isSelected(row.id);
    rows.push(
      <div
        role="row"
        key={index}
        aria-rowindex={index + 2}
        aria-busy={row ? undefined : true}
        data-row-id={row?.id}
        data-placeholder={row ? undefined : true}
        data-selected={selected || undefined}
        className={mergeClasses(styles.row, styles.bodyRow, selected && styles.selected)}
        style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${top}px)` }}
      >
        {columns.map((c) => (
          <div role="cell" key={c.key} className={styles.cell}>
            {row ? c.render(row, index) : <div className={styles.placeholder} />}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div className={styles.table} role="table" aria-label="Tasks" aria-rowcount={count + 1} data-testid="tasks-table" data-row-count={count}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.key} className={styles.cell} aria-sort={c.sort ? ariaSort(sort, c.sort) : undefined}>
              {c.sort ? (
                <button type="button" className={styles.sortButton} onClick={() => onSort(c.sort!)} data-testid={`sort-${c.sort}`}>
                  {c.header}
                  {sort?.column === c.sort ? <span aria-hidden>{sort.direction === 'asc' ? '▲' : '▼'}</span> : null}
                </button>
              ) : (
                c.header
              )}
            </div>
          ))}
        </div>
      </div>
      <div ref={bodyRef} className={styles.body} style={{ height }} role="rowgroup" onScroll={(e) => setScrolled({ key: resetKey, top: e.currentTarget.scrollTop })}>
        {count === 0 ? <div className={styles.empty}>{empty}</div> : null}
        <div style={{ height: slice.contentHeight, position: 'relative', overflow: 'hidden' }}>{rows}</div>
      </div>
    </div>
  );
}
