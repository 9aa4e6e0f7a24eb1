// What the file browser's table and the Data view's blob table share: the look of a name / size / modified listing,
// its header row and its cells. Each table keeps its own selection, keyboard and paging behaviour.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatBytes } from '../views/files/text-bytes';
import { formatTime } from './time-format';

/** Height of one listing row, for the virtualizers. */
export const LISTING_ROW_HEIGHT = 32;

/** The shared classes of a listing table (rows are absolutely placed by a virtualizer inside `body`). */
export const useListingStyles = makeStyles({
  table: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    minWidth: 0,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 1fr) 96px 170px',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
  },
  header: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold, minHeight: '32px' },
  body: { overflow: 'auto', position: 'relative', outline: 'none', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  bodyRow: {
    position: 'absolute',
    left: 0,
    right: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  folder: { color: tokens.colorBrandForeground1 },
  cell: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  right: { textAlign: 'right' },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

/** The header row: Name, Size, Modified. */
export function ListingHeader() {
  const styles = useListingStyles();
  return (
    <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
      <div role="columnheader" className={styles.cell}>
        Name
      </div>
      <div role="columnheader" className={mergeClasses(styles.cell, styles.right)}>
        Size
      </div>
      <div role="columnheader" className={styles.cell}>
        Modified
      </div>
    </div>
  );
}

/** Props of ListingCells. */
export interface ListingCellsProps {
  /** What the row shows as its name; `title` is the full name. */
  label: string;
  title: string;
  folder: boolean;
  /** Bytes; not shown for folders. */
  size?: number;
  lastModified?: string;
}

/** One row's three cells; a folder's name ends in `/` and it has no size. */
export function ListingCells({ label, title, folder, size, lastModified }: ListingCellsProps) {
  const styles = useListingStyles();
  return (
    <>
      <div role="gridcell" className={mergeClasses(styles.cell, folder && styles.folder)} title={title}>
        {label}
        {folder ? '/' : ''}
      </div>
      <div role="gridcell" className={mergeClasses(styles.cell, styles.right)}>
        {folder || size === undefined ? '' : formatBytes(size)}
      </div>
      <div role="gridcell" className={styles.cell}>
        {folder && lastModified === undefined ? '' : formatTime(lastModified)}
      </div>
    </>
  );
}
