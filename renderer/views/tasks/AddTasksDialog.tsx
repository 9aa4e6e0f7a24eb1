import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ChangeEvent } from 'react';
import { useAddTasks, useBulkProgress } from '../../api/tasks';
import { InlineError } from '../../components/InlineError';
import { newOperationId } from './bulk-summary';
import { BulkOutcome } from './BulkOutcome';
import { parseTaskFile, type TaskSpec } from './task-file';
import { EMPTY_TASK_FORM, taskSpecFromForm, type TaskFormErrors } from './task-form';
import { TaskFormFields } from './TaskFormFields';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '90vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Mode = 'form' | 'file';

/** Adds one task from a form, or many from a JSON file (sent in collections of 100), with progress and per-task results. */
export function AddTasksDialog({ accountId, jobId, onClose }: { accountId: string; jobId: string; onClose: () => void }) {
  const styles = useStyles();
  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState(EMPTY_TASK_FORM);
  const [errors, setErrors] = useState<TaskFormErrors>({});
  const [file, setFile] = useState<{ name: string; tasks?: TaskSpec[]; problem?: string } | undefined>();
  const [operationId, setOperationId] = useState<string | undefined>();
  const [total, setTotal] = useState(0);
  const add = useAddTasks();
  const progress = useBulkProgress(operationId);
  const started = operationId !== undefined;

  const send = (tasks: (Record<string, unknown> & { id: string })[]) => {
    const id = newOperationId();
    setOperationId(id);
    setTotal(tasks.length);
    add.mutate({ accountId, jobId, operationId: id, tasks });
  };
  const submitForm = () => {
    const result = taskSpecFromForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    send([result.spec]);
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    if (!picked) return setFile(undefined);
    const parsed = parseTaskFile(await picked.text());
    setFile(parsed.ok ? { name: picked.name, tasks: parsed.tasks } : { name: picked.name, problem: parsed.message });
  };
  const again = () => {
    setOperationId(undefined);
    add.reset();
    setForm(EMPTY_TASK_FORM);
    setFile(undefined);
  };
  const canSubmit = mode === 'form' || (file?.tasks?.length ?? 0) > 0;

  return (
    <Dialog open onOpenChange={(_e, d) => (d.open || add.isPending ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Add tasks to {jobId}</DialogTitle>
          <DialogContent className={styles.content}>
            {!started ? (
              <>
                <TabList selectedValue={mode} onTabSelect={(_e, d) => setMode(d.value as Mode)}>
                  <Tab value="form">One task</Tab>
                  <Tab value="file" data-testid="tab-file">
                    From a JSON file
                  </Tab>
                </TabList>
                {mode === 'form' ? (
                  <TaskFormFields form={form} errors={errors} onChange={setForm} />
                ) : (
                  <>
                    <Body1>
                      A JSON array of tasks as the Batch REST API takes them, each with at least an <code>id</code> and a{' '}
                      <code>commandLine</code>. They are sent in collections of 100.
                    </Body1>
                    <Field label="Task file">
                      <input type="file" accept=".json,application/json" onChange={(e) => void readFile(e)} data-testid="task-file" />
                    </Field>
                    {file?.problem ? (
                      <MessageBar intent="error" data-testid="task-file-error">
                        <MessageBarBody>
                          {file.name}: {file.problem}
                        </MessageBarBody>
                      </MessageBar>
                    ) : null}
                    {file?.tasks ? (
                      <MessageBar intent="success" data-testid="task-file-ok">
                        <MessageBarBody>
                          {file.name}: {file.tasks.length} {file.tasks.length === 1 ? 'task' : 'tasks'} ready to add
                        </MessageBarBody>
                      </MessageBar>
                    ) : null}
                  </>
                )}
              </>
            ) : (
              <BulkOutcome total={total} progress={progress} results={add.data} />
            )}
            {add.error ? <InlineError title="Could not add the tasks" error={add.error} testId="add-tasks-error" /> : null}
          </DialogContent>
          <DialogActions>
            {!started ? (
              <>
                <Button onClick={onClose}>Cancel</Button>
                <Button
                  appearance="primary"
                  disabled={!canSubmit}
                  onClick={() => (mode === 'form' ? submitForm() : file?.tasks && send(file.tasks))}
                  data-testid="add-tasks-submit"
                >
                  {mode === 'form' ? 'Add task' : `Add ${file?.tasks?.length ?? 0} tasks`}
                </Button>
              </>
            ) : (
              <>
                <Button disabled={add.isPending} onClick={again}>
                  Add more
                </Button>
                <Button appearance="primary" disabled={add.isPending} onClick={onClose} data-testid="add-tasks-close">
                  {add.isPending ? 'Adding…' : 'Close'}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
