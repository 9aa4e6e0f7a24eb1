import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    contain: 'strict',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'grid',
    alignItems: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'grid',
    alignItems: 'center',
    fontSize: tokens.fontSizeBase300,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

/** One column: its header, its grid track (e.g. `minmax(160px, 2fr)`) and how a row shows in it. */
export interface Column<T> {
  key: string;
  header: string;
  width: string;
  render(row: T): ReactNode;
}

/** Props of VirtualTable. */
export interface VirtualTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  'aria-label': string;
  rowHeight?: number;
  /** The scroller's height when the rows overflow it. */
  maxHeight?: number;
  emptyText: string;
  testId?: string;
}

const HEADER_HEIGHT = 32;

/** A table that renders only the rows in view (plus a margin), so 20,000 rows scroll like 20. */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows, columns, rowKey, rowHeight = 36, maxHeight = 520, emptyText, testId } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = columns.map((c) => c.width).join(' ');
  const height = Math.min(maxHeight, HEADER_HEIGHT + Math.max(1, rows.length) * rowHeight + 2);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ height }}
      role="table"
      aria-label={props['aria-label']}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
      data-row-count={rows.length}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.header} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className={styles.cell}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <div className={styles.empty}>{emptyText}</div>
      ) : (
        <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-key={rowKey(row)}
                className={styles.row}
                style={{ gridTemplateColumns: template, top: item.start, height: item.size }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={styles.cell}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
