import { Body1, Button, Toolbar } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppErrorShape } from '../../../shared/errors';
import { useTaskAction } from '../../api/tasks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { jobPath } from '../jobs/routes';
import { newOperationId } from './bulk-summary';
import type { TaskActionName } from './BulkActionDialog';

const TEXT: Record<TaskActionName, { label: string; body: string; danger: boolean }> = {
  terminate: { label: 'Terminate', body: 'The task is stopped if it is running and marked completed.', danger: true },
  reactivate: { label: 'Reactivate', body: 'The task goes back to active and runs again; its retry count resets.', danger: false },
  delete: { label: 'Delete', body: 'The task and its files are deleted. This cannot be undone.', danger: true },
};

/** Which single-task actions the service accepts in a state: reactivate only after completion, terminate before it. */
function enabled(action: TaskActionName, state: string | undefined): boolean {
  if (action === 'reactivate') return state === 'completed';
  if (action === 'terminate') return state === 'active' || state === 'preparing' || state === 'running';
  return state !== undefined;
}

/** Terminate, reactivate (retry) and delete for one task, each confirmed; a refusal shows the service's code. */
export function TaskActions({ accountId, jobId, taskId, state }: { accountId: string; jobId: string; taskId: string; state: string | undefined }) {
  const navigate = useNavigate();
  const run = useTaskAction();
  const [pending, setPending] = useState<TaskActionName | undefined>();
  const [refusal, setRefusal] = useState<AppErrorShape | undefined>();
  const open = (action: TaskActionName) => {
    run.reset();
    setRefusal(undefined);
    setPending(action);
  };
  const confirm = () => {
    if (!pending) return;
    run.mutate(
      { accountId, jobId, operationId: newOperationId(), taskIds: [taskId], action: pending },
      {
        onSuccess: (results) => {
          const result = results[0];
          if (result && !result.ok) {
            setRefusal({ code: result.code ?? 'Failed', message: result.message ?? 'The service refused the action' });
            return;
          }
          setPending(undefined);
          if (pending === 'delete') navigate(jobPath(jobId));
        },
      },
    );
  };
  const text = pending ? TEXT[pending] : undefined;
  return (
    <>
      <Toolbar aria-label="Task actions">
        {(Object.keys(TEXT) as TaskActionName[]).map((action) => (
          <Button key={action} disabled={!enabled(action, state)} onClick={() => open(action)} data-testid={`task-${action}`}>
            {TEXT[action].label}
          </Button>
        ))}
      </Toolbar>
      <ConfirmDialog
        open={pending !== undefined}
        title={text ? `${text.label} task ${taskId}?` : ''}
        confirmLabel={text?.label ?? ''}
        danger={text?.danger}
        busy={run.isPending}
        error={run.error ?? refusal}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      >
        <Body1>{text?.body}</Body1>
      </ConfirmDialog>
    </>
  );
}
