import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** One column of a VirtualTable. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  /** A CSS grid track, e.g. "minmax(160px, 2fr)" or "90px". */
  width: string;
  render: (row: T, index: number) => ReactNode;
}

/** Which rows are on screen (without overscan) and which is the last one rendered (with it). */
export interface RowRange {
  firstVisible: number;
  lastVisible: number;
  lastRendered: number;
}

/** Props of VirtualTable. */
export interface VirtualTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The table's accessible name. */
  label: string;
  rowHeight?: number;
  /** Height of the scrolling body (CSS); defaults to 60vh unless `maxHeight` is given. */
  height?: string;
  /** Lets the body shrink to fit few rows, scrolling only beyond this height (CSS). */
  maxHeight?: string;
  /** Told whenever the rows on screen change, e.g. to fetch counts for them or the next page. */
  onRangeChange?: (range: RowRange) => void;
  isSelected?: (row: T) => boolean;
  /** Shown in the body when there are no rows. */
  empty?: ReactNode;
  /** Rendered after the last row, inside the scroll area (e.g. "Loading more…"). */
  footer?: ReactNode;
  testId?: string;
}

const useStyles = makeStyles({
  table: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    minWidth: 0,
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    minHeight: '36px',
  },
  body: { overflow: 'auto', position: 'relative' },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  cell: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { padding: tokens.spacingVerticalXL, color: tokens.colorNeutralForeground3 },
});

/**
 * A table whose body renders only the rows in view (plus a margin), so it stays instant at any row count.
 * Rows are ARIA table rows with their absolute index, so assistive tech knows where it is in the whole list.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, rowKey, label, rowHeight = 40, height, maxHeight, onRangeChange, isSelected, empty, footer, testId } = props;
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual mutates its instance; nothing here is memoized across renders, so the compiler warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = virtualizer.range?.startIndex ?? items[0]?.index ?? -1;
  const lastVisible = virtualizer.range?.endIndex ?? items.at(-1)?.index ?? -1;
  const lastRendered = items.at(-1)?.index ?? -1;
  useEffect(() => {
    onRangeChange?.({ firstVisible, lastVisible, lastRendered });
  }, [onRangeChange, firstVisible, lastVisible, lastRendered]);

  const template = columns.map((c) => c.width).join(' ');
  const bodySize = maxHeight && !height ? { maxHeight } : { height: height ?? '60vh' };
  return (
    <div
      className={styles.table}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
      data-row-count={rows.length}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.key} className={styles.cell}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className={styles.body} style={bodySize} role="rowgroup">
        {rows.length === 0 ? <div className={styles.empty}>{empty}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                role="row"
                key={rowKey(row)}
                aria-rowindex={item.index + 2}
                data-selected={isSelected?.(row) || undefined}
                data-row-id={rowKey(row)}
                className={mergeClasses(styles.row, styles.bodyRow, isSelected?.(row) && styles.selected)}
                style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((c) => (
                  <div role="cell" key={c.key} className={styles.cell}>
                    {c.render(row, item.index)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}
