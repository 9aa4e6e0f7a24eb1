import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useBlobs, useUpload, type UploadFile } from '../../api/storage';
import { FolderBreadcrumb } from '../../components/FolderBreadcrumb';
import { InlineError } from '../../components/InlineError';
import { RefreshBar } from '../../components/RefreshBar';
import { shouldListMore } from '../files/browser-model';
import { EMPTY_SELECTION, mergeBlobPages, selectedRows, type BlobRow, type Selection } from './blob-model';
import { BlobTable } from './BlobTable';
import { prefixCrumbs, parentPrefix } from './data-url';
import { DeleteBlobsDialog, DeleteContainerDialog } from './DeleteDialogs';
import { dropEntries, flattenDrop, pickedFiles, type DropProblem } from './drop-tree';
import { containerLabel } from './names';
import { SasDialog } from './SasDialog';
import { StorageDownloadButton } from './StorageDownloadButton';
import { UploadPanel } from './UploadPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  hidden: { display: 'none' },
  footer: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

/** Props of ContainerBrowser. */
export interface ContainerBrowserProps {
  accountId: string;
  container: string;
  /** The open folder prefix ('' = root, otherwise ending in `/`). */
  folder: string;
  onNavigate: (folder: string) => void;
  onContainerDeleted: () => void;
}

/** One container one folder at a time: paged blob table, uploads (pick or drop), download, delete, SAS URLs. */
export function ContainerBrowser({ accountId, container, folder, onNavigate, onContainerDeleted }: ContainerBrowserProps) {
  const styles = useStyles();
  const pages = useBlobs(accountId, container, folder);
  const rows = useMemo(() => mergeBlobPages(pages.data?.pages ?? [], folder), [pages.data, folder]);
  // A selection belongs to one folder of one container; anything else starts unselected.
  const selectionKey = `${container}\n${folder}`;
  const [selectionState, setSelectionState] = useState<{ key: string; selection: Selection }>({ key: '', selection: EMPTY_SELECTION });
  const selection = selectionState.key === selectionKey ? selectionState.selection : EMPTY_SELECTION;
  const setSelection = (next: Selection) => setSelectionState({ key: selectionKey, selection: next });
  const chosen = selectedRows(rows, selection);
  const upload = useUpload(accountId, container, folder);
  const [problems, setProblems] = useState<DropProblem[]>([]);
  const [dropping, setDropping] = useState(false);
  const [dialog, setDialog] = useState<'delete' | 'deleteContainer' | 'sas' | undefined>(undefined);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const { hasNextPage, isFetching, isFetchingNextPage, fetchNextPage } = pages;
  const onLastRendered = useCallback(
    (last: number) => {
      if (shouldListMore(last, rows.length, hasNextPage, isFetching || isFetchingNextPage)) void fetchNextPage();
    },
    [rows.length, hasNextPage, isFetching, isFetchingNextPage, fetchNextPage],
  );

  const send = (files: UploadFile[], unread: DropProblem[] = []) => {
    setProblems(unread);
    void upload.start(files);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    // Entries must be taken while the drop event lasts; reading them may happen later.
    const entries = dropEntries(Array.from(event.dataTransfer.items));
    if (entries.length === 0) {
      send(pickedFiles(Array.from(event.dataTransfer.files)));
      return;
    }
    void flattenDrop(entries).then(({ files, problems: unread }) => send(files, unread));
  };
  const onPicked = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    send(pickedFiles(Array.from(input.files)));
    input.value = '';
  };
  const openFolder = (row: BlobRow) => onNavigate(row.name);
  const goUp = () => {
    const above = parentPrefix(folder);
    if (above !== undefined) onNavigate(above);
  };

  const single = chosen.length === 1 ? chosen[0] : undefined;
  const sasBlob = single?.kind === 'blob' ? single.name : undefined;
  const empty = pages.isPending ? 'Listing…' : 'This folder is empty. Drop files or folders here, or use Upload.';
  return (
    <div className={styles.root} data-testid="container-browser" data-container={container}>
      <FolderBreadcrumb crumbs={prefixCrumbs(folder, containerLabel({ name: container }))} onNavigate={onNavigate} testId="blob-breadcrumb" />
      <div className={styles.toolbar}>
        <Button size="small" appearance="primary" onClick={() => filesInput.current?.click()} disabled={upload.state.running} data-testid="upload-files">
          Upload files
        </Button>
        <Button size="small" onClick={() => folderInput.current?.click()} disabled={upload.state.running} data-testid="upload-folder">
          Upload folder
        </Button>
        <input ref={filesInput} className={styles.hidden} type="file" multiple onChange={(e) => onPicked(e.currentTarget)} data-testid="upload-files-input" />
        <input
          ref={folderInput}
          className={styles.hidden}
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={(e) => onPicked(e.currentTarget)}
          data-testid="upload-folder-input"
        />
        {single ? (
          <StorageDownloadButton
            key={single.name}
            target={{ kind: 'blob', accountId, container, name: single.name }}
            label={single.kind === 'folder' ? 'Download folder' : 'Download'}
          />
        ) : null}
        <Button size="small" onClick={() => setDialog('delete')} disabled={chosen.length === 0} data-testid="delete-selected">
          Delete{chosen.length > 1 ? ` ${chosen.length}` : ''}
        </Button>
        <Button size="small" onClick={() => setDialog('sas')} data-testid="copy-sas">
          {sasBlob ? 'Copy SAS URL' : 'Copy container SAS URL'}
        </Button>
        <span className={styles.grow} />
        <Caption1 data-testid="blob-count">
          {rows.length}
          {hasNextPage ? '+' : ''} {rows.length === 1 ? 'entry' : 'entries'}
          {chosen.length ? ` · ${chosen.length} selected` : ''}
        </Caption1>
        <RefreshBar updatedAt={pages.dataUpdatedAt} isFetching={pages.isFetching} onRefresh={() => void pages.refetch()} />
        <Button size="small" appearance="subtle" onClick={() => setDialog('deleteContainer')} data-testid="delete-container">
          Delete container
        </Button>
      </div>
      {upload.state.operationId ? (
        <UploadPanel
          state={upload.state}
          problems={problems}
          onCancel={upload.cancel}
          onClose={() => {
            upload.reset();
            setProblems([]);
          }}
        />
      ) : null}
      {pages.error ? <InlineError title={`Could not list ${folder || container}`} error={pages.error} testId="blob-list-error" /> : null}
      <BlobTable
        rows={rows}
        selection={selection}
        onSelection={setSelection}
        onOpenFolder={openFolder}
        onUp={goUp}
        onDelete={() => setDialog('delete')}
        onLastRendered={onLastRendered}
        onDrop={onDrop}
        dropping={dropping}
        onDragState={setDropping}
        empty={empty}
        footer={isFetchingNextPage ? <div className={styles.footer}>Listing more…</div> : null}
      />
      {dialog === 'delete' && chosen.length ? (
        <DeleteBlobsDialog
          accountId={accountId}
          container={container}
          rows={chosen}
          onDone={() => {
            setDialog(undefined);
            setSelection(EMPTY_SELECTION);
          }}
          onCancel={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'deleteContainer' ? (
        <DeleteContainerDialog accountId={accountId} container={container} onDone={onContainerDeleted} onCancel={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'sas' ? <SasDialog accountId={accountId} container={container} {...(sasBlob ? { name: sasBlob } : {})} onClose={() => setDialog(undefined)} /> : null}
    </div>
  );
}
