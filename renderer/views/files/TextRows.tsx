import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Virtualizer } from '@tanstack/react-virtual';
import { memo, type KeyboardEvent, type RefObject, type UIEvent } from 'react';
import { highlightSegments, type Match } from './search-model';
import type { Row } from './viewer-window';

/** Height of one unwrapped row (px); wrapped rows are measured. */
export const ROW_HEIGHT = 20;
/** A row longer than this shows its start only (the rest stays searchable through main). */
export const MAX_ROW_CHARS = 10_000;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outline: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  inner: { boxSizing: 'border-box', minWidth: '100%' },
  row: { display: 'flex', whiteSpace: 'pre', minHeight: `${ROW_HEIGHT}px` },
  wrapped: { whiteSpace: 'pre-wrap', wordBreak: 'break-all' },
  gutter: {
    position: 'sticky',
    left: 0,
    flexShrink: 0,
    paddingRight: tokens.spacingHorizontalS,
    marginRight: tokens.spacingHorizontalS,
    textAlign: 'right',
    color: tokens.colorNeutralForeground4,
    backgroundColor: tokens.colorNeutralBackground2,
    userSelect: 'none',
  },
  text: { flexGrow: 1, paddingRight: tokens.spacingHorizontalM },
  match: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit' },
  current: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3, color: tokens.colorNeutralForegroundOnBrand },
  cut: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
});

const RowText = memo(function RowText({ text, matches, current }: { text: string; matches: Match[] | undefined; current: number | undefined }) {
  const styles = useStyles();
  const shown = text.length > MAX_ROW_CHARS ? text.slice(0, MAX_ROW_CHARS) : text;
  return (
    <span className={styles.text}>
      {highlightSegments(shown, matches, current).map((segment, i) =>
        segment.mark === 'none' ? (
          segment.text
        ) : (
          <mark key={i} className={segment.mark === 'current' ? styles.current : styles.match} data-testid={segment.mark === 'current' ? 'current-match' : 'match'}>
            {segment.text}
          </mark>
        ),
      )}
      {shown.length < text.length ? <span className={styles.cut}> … {text.length - shown.length} more characters</span> : null}
    </span>
  );
});

/** Props of TextRows. */
export interface TextRowsProps {
  rows: readonly Row[];
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  numbers: (number | undefined)[] | undefined;
  showNumbers: boolean;
  wrap: boolean;
  byRow: Map<number, Match[]>;
  current: number | undefined;
  height: string;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  label: string;
  /** Shown when there are no rows. */
  emptyText: string;
  /** Byte offsets of the loaded span, exposed for tests and tools. */
  span: { start: number; end: number };
}

/** The loaded rows, virtualized; rows stay in the normal flow so long unwrapped lines scroll sideways. */
export function TextRows(props: TextRowsProps) {
  const { rows, virtualizer, scrollRef, numbers, showNumbers, wrap, byRow, current, height, onScroll, onKeyDown, label, emptyText, span } = props;
  const styles = useStyles();
  const items = virtualizer.getVirtualItems();
  const digits = String(numbers?.length ? (numbers.findLast((n) => n !== undefined) ?? 1) : 1).length;
  const gutter = showNumbers && numbers !== undefined;
  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      style={{ height }}
      tabIndex={0}
      role="log"
      aria-label={label}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="viewer-lines"
      data-row-count={rows.length}
      data-start={span.start}
      data-end={span.end}
    >
      {rows.length === 0 ? <div className={styles.empty}>{emptyText}</div> : null}
      <div className={styles.inner} style={{ height: virtualizer.getTotalSize(), paddingTop: items[0]?.start ?? 0, width: wrap ? '100%' : 'max-content' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              ref={wrap ? virtualizer.measureElement : undefined}
              data-index={item.index}
              data-offset={row.start}
              title={numbers ? undefined : `Byte ${row.start.toLocaleString()}`}
              className={mergeClasses(styles.row, wrap && styles.wrapped)}
              style={wrap ? undefined : { height: ROW_HEIGHT }}
            >
              {gutter ? (
                <span className={styles.gutter} style={{ width: `${digits + 1}ch` }} data-testid="line-number">
                  {numbers[item.index] ?? ''}
                </span>
              ) : null}
              <RowText text={row.text} matches={byRow.get(item.index)} current={current} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
