import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { NodeFileEntry } from '../../../shared/models';
import { LISTING_ROW_HEIGHT, ListingCells, ListingHeader, useListingStyles } from '../../components/ListingTable';
import { browserKey, entryName, moveIndex } from './browser-model';

const useStyles = makeStyles({
  bodyRow: { cursor: 'pointer' },
  open: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of FileTable. */
export interface FileTableProps {
  entries: readonly NodeFileEntry[];
  folder: string;
  /** The row the keyboard is on. */
  selected: number;
  onSelect: (index: number) => void;
  /** Enter or a click: a folder opens in the list, a file in the viewer. */
  onOpen: (entry: NodeFileEntry) => void;
  /** Backspace: the folder above. */
  onUp: () => void;
  /** The full path of the file open in the viewer, marked in the list. */
  openPath?: string;
  /** Told the index of the last rendered row, to list the next page in time. */
  onLastRendered: (index: number) => void;
  empty: ReactNode;
  footer?: ReactNode;
  height: string;
}

/** The open folder as a virtualized table (name, size, modified), driven by mouse or keyboard. */
export function FileTable({ entries, folder, selected, onSelect, onOpen, onUp, openPath, onLastRendered, empty, footer, height }: FileTableProps) {
  const styles = useStyles();
  const listing = useListingStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual mutates its instance; nothing here is memoized across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => LISTING_ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;
  useEffect(() => onLastRendered(lastRendered), [onLastRendered, lastRendered, entries.length]);
  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = browserKey(event.key, event);
    if (!action || action === 'expand' || action === 'collapse') return;
    event.preventDefault();
    if (action === 'open') {
      const entry = entries[selected];
      if (entry) onOpen(entry);
    } else if (action === 'up') onUp();
    else onSelect(moveIndex(selected, action, entries.length));
  };

  return (
    <div className={listing.table} role="grid" aria-label="Files" aria-rowcount={entries.length + 1} data-testid="file-table" data-row-count={entries.length}>
      <ListingHeader />
      <div
        ref={scrollRef}
        className={listing.body}
        style={{ height }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={selected >= 0 ? `file-row-${selected}` : undefined}
        data-testid="file-list"
      >
        {entries.length === 0 ? <div className={listing.empty}>{empty}</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entries[item.index]!;
            const name = entryName(entry, folder);
            return (
              <div
                key={entry.name}
                id={`file-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                data-name={entry.name}
                data-kind={entry.isDirectory ? 'folder' : 'file'}
                className={mergeClasses(listing.row, listing.bodyRow, styles.bodyRow, item.index === selected && listing.selected, entry.name === openPath && styles.open)}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  onSelect(item.index);
                  onOpen(entry);
                }}
              >
                <ListingCells
                  label={name}
                  title={entry.name}
                  folder={entry.isDirectory}
                  size={entry.size}
                  {...(entry.lastModified ? { lastModified: entry.lastModified } : {})}
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
