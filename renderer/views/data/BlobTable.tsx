import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { LISTING_ROW_HEIGHT, ListingCells, ListingHeader, useListingStyles } from '../../components/ListingTable';
import { moveIndex } from '../files/browser-model';
import { blobKey, selectAll, selectRow, type BlobRow, type Selection } from './blob-model';

const useStyles = makeStyles({
  dropping: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  bodyRow: { cursor: 'default', userSelect: 'none' },
  folder: { cursor: 'pointer' },
  focus: { boxShadow: `inset 2px 0 0 ${tokens.colorBrandStroke1}` },
});

/** Props of BlobTable. */
export interface BlobTableProps {
  rows: readonly BlobRow[];
  selection: Selection;
  onSelection: (selection: Selection) => void;
  /** Enter or a double click on a folder. */
  onOpenFolder: (row: BlobRow) => void;
  /** Backspace: the folder above. */
  onUp: () => void;
  /** Delete: ask to delete the selection. */
  onDelete: () => void;
  /** Told the index of the last rendered row, to list the next page in time. */
  onLastRendered: (index: number) => void;
  /** Files or folders dropped onto the table (the drop event, read synchronously by the caller). */
  onDrop: (event: DragEvent<HTMLDivElement>) => void;
  dropping: boolean;
  onDragState: (dropping: boolean) => void;
  empty: ReactNode;
  footer?: ReactNode;
}

/** One folder of a container as a virtualized table: folders first, multi-select by mouse and keyboard, a drop target. */
export function BlobTable({ rows, selection, onSelection, onOpenFolder, onUp, onDelete, onLastRendered, onDrop, dropping, onDragState, empty, footer }: BlobTableProps) {
  const styles = useStyles();
  const listing = useListingStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual mutates its instance; nothing here is memoized across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => LISTING_ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;
  useEffect(() => onLastRendered(lastRendered), [onLastRendered, lastRendered, rows.length]);
  useEffect(() => {
    if (selection.focus >= 0) virtualizer.scrollToIndex(selection.focus, { align: 'auto' });
  }, [selection.focus, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = blobKey(event.key, event);
    if (!action) return;
    event.preventDefault();
    const focused = rows[selection.focus];
    if (action === 'open') {
      if (focused?.kind === 'folder') onOpenFolder(focused);
    } else if (action === 'up') onUp();
    else if (action === 'delete') {
      if (selection.names.size) onDelete();
    } else if (action === 'selectAll') onSelection(selectAll(selection, rows));
    else if (action === 'toggle') onSelection(selectRow(selection, rows, Math.max(0, selection.focus), 'toggle'));
    else onSelection(selectRow(selection, rows, moveIndex(selection.focus, action, rows.length), event.shiftKey ? 'range' : 'only'));
  };
  const onRowClick = (event: MouseEvent, index: number) => {
    const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only';
    onSelection(selectRow(selection, rows, index, mode));
  };

  return (
    <div
      className={mergeClasses(listing.table, dropping && styles.dropping)}
      role="grid"
      aria-label="Blobs"
      aria-multiselectable
      aria-rowcount={rows.length + 1}
      data-testid="blob-table"
      data-row-count={rows.length}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!dropping) onDragState(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDragState(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        onDragState(false);
        onDrop(event);
      }}
    >
      <ListingHeader />
      <div
        ref={scrollRef}
        className={listing.body}
        style={{ height: '60vh' }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={selection.focus >= 0 ? `blob-row-${selection.focus}` : undefined}
        data-testid="blob-list"
      >
        {rows.length === 0 ? <div className={listing.empty}>{empty}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const isSelected = selection.names.has(row.name);
            return (
              <div
                key={row.name}
                id={`blob-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-name={row.name}
                data-kind={row.kind}
                className={mergeClasses(listing.row, listing.bodyRow, styles.bodyRow, row.kind === 'folder' && styles.folder, isSelected && listing.selected, item.index === selection.focus && styles.focus)}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={(event) => onRowClick(event, item.index)}
                onDoubleClick={() => {
                  if (row.kind === 'folder') onOpenFolder(row);
                }}
              >
                <ListingCells
                  label={row.label}
                  title={row.name}
                  folder={row.kind === 'folder'}
                  {...(row.kind === 'blob' ? { size: row.size, ...(row.lastModified ? { lastModified: row.lastModified } : {}) } : {})}
                />
              </div>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}
