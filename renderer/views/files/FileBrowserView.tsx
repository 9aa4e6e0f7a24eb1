import {
  Button,
  Caption1,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeFileEntry } from '../../../shared/models';
import { useFileApi, useFilePages, type FileSource } from '../../api/files';
import { FolderBreadcrumb } from '../../components/FolderBreadcrumb';
import { InlineError } from '../../components/InlineError';
import { ListSearch } from '../../components/ListFilters';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { useDebounced } from '../../components/use-now';
import { MAX_EMPTY_PAGE_STREAK, breadcrumb, emptyPageStreak, folderAbove, mergeFilePages, shouldListMore } from './browser-model';
import { DownloadButton } from './DownloadButton';
import { FileTable } from './FileTable';
import { FileTree } from './FileTree';
import { FileViewer } from './FileViewer';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  split: { display: 'grid', gap: tokens.spacingHorizontalL, alignItems: 'start', minWidth: 0 },
  withViewer: { gridTemplateColumns: 'minmax(280px, 2fr) minmax(0, 3fr)', '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  footer: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

/** Props of FileBrowserView. */
export interface FileBrowserViewProps {
  accountId: string;
  source: FileSource;
  /** The label of the root folder in the breadcrumb (the task or node id). */
  rootLabel: string;
  /** The open folder, relative to the root ('' = root). */
  folder: string;
  /** The full relative path of the file open in the viewer. */
  file: string | undefined;
  /** Moves to another folder and/or file (the route wrapper writes it to the URL). */
  onNavigate: (folder: string, file?: string) => void;
  /** Follow the open file (a running task's output). */
  follow?: boolean;
}

/** Browses a task's directory or a node's tree: one folder at a time, paged, filtered by prefix, with the viewer beside it. */
export function FileBrowserView({ accountId, source, rootLabel, folder, file, onNavigate, follow }: FileBrowserViewProps) {
  const styles = useStyles();
  const api = useFileApi(accountId, source);
  const [filterText, setFilterText] = useState('');
  const prefix = useDebounced(filterText.trim(), 300);
  const [mode, setMode] = useState<'table' | 'tree'>('table');
  const [selection, setSelection] = useState<{ key: string; index: number }>({ key: '', index: -1 });
  const filterRef = useRef<HTMLInputElement>(null);
  const pages = useFilePages(accountId, source, folder, prefix);
  const entries = useMemo(() => mergeFilePages(pages.data?.pages ?? []), [pages.data]);
  // The selection belongs to one folder, filter and mode; anything else starts unselected.
  const selectionKey = `${mode}\n${folder}\n${prefix}`;
  const selected = selection.key === selectionKey ? selection.index : -1;
  const select = (index: number) => setSelection({ key: selectionKey, index });
  // Runs of empty pages pause the listing; "Keep listing" allows another run (for this folder and filter only).
  const listingKey = `${folder}\n${prefix}`;
  const [allowance, setAllowance] = useState({ key: '', limit: MAX_EMPTY_PAGE_STREAK });
  const emptyLimit = allowance.key === listingKey ? allowance.limit : MAX_EMPTY_PAGE_STREAK;
  const emptyStreak = emptyPageStreak(pages.data?.pages ?? []);

  const refresh = () => void pages.refetch();
  useListHotkeys(refresh, filterRef);
  const { hasNextPage, isFetching, isFetchingNextPage, fetchNextPage } = pages;
  const onLastRendered = useCallback(
    (last: number) => {
      if (shouldListMore(last, entries.length, hasNextPage, isFetching || isFetchingNextPage, emptyStreak, emptyLimit)) void fetchNextPage();
    },
    [entries.length, hasNextPage, isFetching, isFetchingNextPage, fetchNextPage, emptyStreak, emptyLimit],
  );

  const openEntry = (entry: NodeFileEntry) => {
    if (entry.isDirectory) onNavigate(entry.name);
    else onNavigate(folder, entry.name);
  };
  const goUp = () => {
    const above = folderAbove(folder);
    if (above !== undefined) onNavigate(above);
  };
  const selectedEntry = mode === 'table' ? entries[selected] : undefined;
  const height = file ? '70vh' : '60vh';
  const empty = pages.isPending ? 'Listing…' : prefix ? `No names in this folder start with "${prefix}"` : 'This folder is empty';
  const paused = hasNextPage && !isFetchingNextPage && emptyStreak >= emptyLimit;
  let footer = isFetchingNextPage ? <div className={styles.footer}>Listing more…</div> : null;
  if (paused) {
    footer = (
      <div className={styles.footer}>
        The last {emptyStreak} pages held only deeper files.{' '}
        <Button size="small" onClick={() => setAllowance({ key: listingKey, limit: emptyStreak + MAX_EMPTY_PAGE_STREAK })} data-testid="keep-listing">
          Keep listing
        </Button>
      </div>
    );
  }

  // What the table and the tree both take; each adds how an entry opens.
  const listProps = { entries, folder, selected, onSelect: select, onUp: goUp, openPath: file, onLastRendered, empty, footer, height };
  return (
    <div className={styles.root}>
      <FolderBreadcrumb crumbs={breadcrumb(folder, rootLabel)} onNavigate={onNavigate} testId="file-breadcrumb" />
      <div className={styles.toolbar}>
        <ListSearch label="Name starts with" value={filterText} onChange={setFilterText} placeholder="Filter by name prefix (/)" inputRef={filterRef} testId="file-filter" />
        <TabList size="small" selectedValue={mode} onTabSelect={(_e, d) => setMode(d.value as 'table' | 'tree')} aria-label="View as">
          <Tab value="table" data-testid="mode-table">
            Table
          </Tab>
          <Tab value="tree" data-testid="mode-tree">
            Tree
          </Tab>
        </TabList>
        <span className={styles.grow} />
        <Caption1 data-testid="file-count">
          {entries.length}
          {hasNextPage ? '+' : ''} {entries.length === 1 ? 'entry' : 'entries'}
        </Caption1>
        <RefreshBar updatedAt={pages.dataUpdatedAt} isFetching={pages.isFetching} onRefresh={refresh} />
      </div>
      <div className={styles.toolbar}>
        <DownloadButton accountId={accountId} source={source} path={folder} isDirectory label="Download folder" />
        {selectedEntry && !selectedEntry.isDirectory && selectedEntry.name !== file ? (
          <DownloadButton accountId={accountId} source={source} path={selectedEntry.name} isDirectory={false} label="Download selected file" />
        ) : null}
      </div>
      {pages.error ? <InlineError title={`Could not list ${folder || rootLabel}`} error={pages.error} testId="file-list-error" /> : null}
      <div className={mergeClasses(styles.split, file && styles.withViewer)}>
        {mode === 'table' ? (
          <FileTable {...listProps} onOpen={openEntry} />
        ) : (
          <FileTree key={`${folder}\n${prefix}`} api={api} {...listProps} onOpenFile={openEntry} />
        )}
        {file ? <FileViewer key={file} accountId={accountId} source={source} path={file} follow={follow} /> : null}
      </div>
    </div>
  );
}
