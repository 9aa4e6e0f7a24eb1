import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useBulkProgress, useTaskAction } from '../../api/tasks';
import { InlineError } from '../../components/InlineError';
import { newOperationId } from './bulk-summary';
import { BulkOutcome } from './BulkOutcome';

/** The bulk actions of the task list. */
export type TaskActionName = 'reactivate' | 'terminate' | 'delete';

const TEXT: Record<TaskActionName, { verb: string; body: string }> = {
  reactivate: { verb: 'Reactivate', body: 'Completed tasks go back to active and run again; their retry count resets.' },
  terminate: { verb: 'Terminate', body: 'Running and waiting tasks are stopped and marked completed.' },
  delete: { verb: 'Delete', body: 'The tasks and their files are deleted; running tasks are stopped. This cannot be undone.' },
};

/** Props of BulkActionDialog. */
export interface BulkActionDialogProps {
  accountId: string;
  jobId: string;
  action: TaskActionName;
  taskIds: string[];
  onClose: (finished: boolean) => void;
}

/** Confirms a bulk task action, runs it with live progress, then shows the per-task outcome. */
export function BulkActionDialog({ accountId, jobId, action, taskIds, onClose }: BulkActionDialogProps) {
  const [operationId, setOperationId] = useState<string | undefined>();
  const run = useTaskAction();
  const progress = useBulkProgress(operationId);
  const text = TEXT[action];
  const started = operationId !== undefined;
  const start = () => {
    const id = newOperationId();
    setOperationId(id);
    run.mutate({ accountId, jobId, operationId: id, taskIds, action });
  };
  const count = `${taskIds.length} ${taskIds.length === 1 ? 'task' : 'tasks'}`;
  return (
    <Dialog open onOpenChange={(_e, d) => (d.open || run.isPending ? undefined : onClose(started))} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {text.verb} {count}?
          </DialogTitle>
          <DialogContent>
            {!started ? <Body1>{text.body}</Body1> : <BulkOutcome total={taskIds.length} progress={progress} results={run.data} failuresOnly />}
            {run.error ? <InlineError title={`Could not ${text.verb.toLowerCase()} the tasks`} error={run.error} /> : null}
          </DialogContent>
          <DialogActions>
            {!started ? (
              <>
                <Button onClick={() => onClose(false)}>Cancel</Button>
                <Button appearance="primary" onClick={start} data-testid="confirm">
                  {text.verb} {count}
                </Button>
              </>
            ) : (
              <Button appearance="primary" disabled={run.isPending} onClick={() => onClose(true)} data-testid="bulk-close">
                {run.isPending ? 'Working…' : 'Close'}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
