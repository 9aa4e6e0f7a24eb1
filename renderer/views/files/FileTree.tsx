import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useReducer, useRef, type KeyboardEvent } from 'react';
import type { NodeFileEntry } from '../../../shared/models';
import type { FileApi } from '../../api/files';
import { errorLine } from '../../components/error-text';
import { browserKey, moveIndex } from './browser-model';
import type { FileTableProps } from './FileTable';
import { formatBytes } from './text-bytes';
import { EMPTY_TREE, flattenTree, listSome, treeReducer, type TreeRow } from './tree-model';

const ROW_HEIGHT = 30;
const INDENT_PX = 18;

const useStyles = makeStyles({
  tree: {
    overflow: 'auto',
    position: 'relative',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outline: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalM,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  open: { fontWeight: tokens.fontWeightSemibold },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
  muted: { color: tokens.colorNeutralForeground3 },
  twisty: { width: '12px', flexShrink: 0 },
  folder: { color: tokens.colorBrandForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground3 },
});

/** Props of FileTree: the table's, with folders expanding in place and files opening through `onOpenFile`. */
export type FileTreeProps = Omit<FileTableProps, 'onOpen'> & {
  api: FileApi;
  onOpenFile: (entry: NodeFileEntry) => void;
};

/** The open folder as a tree: folders expand in place, each expansion listing that folder (lazily, page by page). */
export function FileTree(props: FileTreeProps) {
  const { api, entries, folder, selected, onSelect, onOpenFile, onUp, openPath, onLastRendered, empty, footer, height } = props;
  const styles = useStyles();
  const [state, dispatch] = useReducer(treeReducer, EMPTY_TREE);
  const rows = useMemo(() => flattenTree(entries, folder, state), [entries, folder, state]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual mutates its instance; nothing here is memoized across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  // Only the open folder's own rows page through the browser's listing; nested listings page through "Load more".
  const lastTopLevel = rows.slice(0, (items.at(-1)?.index ?? -1) + 1).filter((r) => r.depth === 0).length - 1;
  useEffect(() => onLastRendered(lastTopLevel), [onLastRendered, lastTopLevel]);
  useEffect(() => {
    if (selected >= 0 && selected < rows.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, rows.length, virtualizer]);

  const load = (path: string, continuation?: string) => {
    dispatch({ type: 'loading', folder: path });
    listSome(api.list, path, continuation).then(
      (page) => dispatch({ type: 'loaded', folder: path, page, append: continuation !== undefined }),
      (error: unknown) => dispatch({ type: 'failed', folder: path, error }),
    );
  };
  const toggle = (entry: NodeFileEntry, open: boolean) => {
    dispatch({ type: open ? 'expand' : 'collapse', folder: entry.name });
    const listing = state.listings.get(entry.name);
    if (open && (!listing || listing.error !== undefined)) load(entry.name);
  };
  const activate = (row: TreeRow | undefined) => {
    if (!row) return;
    if (row.kind === 'entry') {
      if (row.entry.isDirectory) toggle(row.entry, !row.expanded);
      else onOpenFile(row.entry);
    } else if (row.kind === 'more' && !row.loading) load(row.folder, state.listings.get(row.folder)?.continuation);
    else if (row.kind === 'error') load(row.folder);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = browserKey(event.key, event);
    if (!action) return;
    event.preventDefault();
    const row = rows[selected];
    if (action === 'open') activate(row);
    else if (action === 'up') onUp();
    else if (action === 'expand' || action === 'collapse') {
      if (row?.kind === 'entry' && row.entry.isDirectory && row.expanded !== (action === 'expand')) toggle(row.entry, action === 'expand');
    } else onSelect(moveIndex(selected, action, rows.length));
  };

  return (
    <div
      ref={scrollRef}
      className={styles.tree}
      style={{ height }}
      role="tree"
      aria-label="Files"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={selected >= 0 ? `tree-row-${selected}` : undefined}
      data-testid="file-tree"
      data-row-count={rows.length}
    >
      {rows.length === 0 ? <div className={styles.empty}>{empty}</div> : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={row.key}
              id={`tree-row-${item.index}`}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-selected={item.index === selected}
              aria-expanded={row.kind === 'entry' && row.entry.isDirectory ? row.expanded : undefined}
              data-name={row.kind === 'entry' ? row.entry.name : undefined}
              className={mergeClasses(styles.row, item.index === selected && styles.selected, row.kind === 'entry' && row.entry.name === openPath && styles.open)}
              style={{ height: item.size, transform: `translateY(${item.start}px)`, paddingLeft: `${8 + row.depth * INDENT_PX}px` }}
              onClick={() => {
                onSelect(item.index);
                activate(row);
              }}
            >
              <TreeRowContent row={row} />
            </div>
          );
        })}
      </div>
      {footer}
    </div>
  );
}

function TreeRowContent({ row }: { row: TreeRow }) {
  const styles = useStyles();
  if (row.kind === 'more') {
    return row.loading ? (
      <Spinner size="extra-tiny" label="Listing…" />
    ) : (
      <Button size="small" appearance="subtle" tabIndex={-1}>
        Load more…
      </Button>
    );
  }
  if (row.kind === 'error') return <span className={styles.error}>Could not list this folder: {errorLine(row.error)} (click to retry)</span>;
  if (row.kind === 'empty') return <span className={styles.muted}>Empty folder</span>;
  const { entry } = row;
  return (
    <>
      <span aria-hidden className={styles.twisty}>
        {entry.isDirectory ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={mergeClasses(styles.name, entry.isDirectory && styles.folder)} title={entry.name}>
        {row.name}
        {entry.isDirectory ? '/' : ''}
      </span>
      {entry.isDirectory ? null : <span className={styles.muted}>{formatBytes(entry.size)}</span>}
    </>
  );
}
