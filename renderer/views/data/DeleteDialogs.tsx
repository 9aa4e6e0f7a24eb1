import { Body1 } from '@fluentui/react-components';
import { useDeleteBlobs, useDeleteContainer } from '../../api/storage';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { deleteQuestion, type BlobRow } from './blob-model';
import { containerLabel } from './names';
import { deleteResultText } from './transfer-text';

/** Props of DeleteBlobsDialog. */
export interface DeleteBlobsDialogProps {
  accountId: string;
  container: string;
  rows: readonly BlobRow[];
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms and deletes the selected blobs and folders; a partial failure stays open and says what was left. */
export function DeleteBlobsDialog({ accountId, container, rows, onDone, onCancel }: DeleteBlobsDialogProps) {
  const remove = useDeleteBlobs(accountId, container);
  const partial = remove.data && remove.data.failed.length ? new Error(deleteResultText(remove.data)) : undefined;
  return (
    <ConfirmDialog
      title="Delete from storage"
      confirmLabel="Delete"
      danger
      busy={remove.isPending}
      error={remove.error ?? partial}
      errorTitle={partial ? 'Some blobs were not deleted' : 'Could not delete'}
      onCancel={onCancel}
      onConfirm={() =>
        remove.mutate(
          rows.map((r) => r.name),
          {
            onSuccess: (result) => {
              if (!result.failed.length) onDone();
            },
          },
        )
      }
    >
      <Body1 data-testid="delete-question">{deleteQuestion(rows, containerLabel({ name: container }))}</Body1>
    </ConfirmDialog>
  );
}

/** Props of DeleteContainerDialog. */
export interface DeleteContainerDialogProps {
  accountId: string;
  container: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Confirms and deletes a whole container with every blob in it. */
export function DeleteContainerDialog({ accountId, container, onDone, onCancel }: DeleteContainerDialogProps) {
  const remove = useDeleteContainer(accountId);
  return (
    <ConfirmDialog
      title={`Delete container ${container}`}
      confirmLabel="Delete container"
      danger
      busy={remove.isPending}
      error={remove.error}
      onCancel={onCancel}
      onConfirm={() => remove.mutate(container, { onSuccess: onDone })}
    >
      <Body1>Delete the container {container} and every blob in it? This cannot be undone.</Body1>
    </ConfirmDialog>
  );
}
