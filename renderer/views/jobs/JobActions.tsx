import { Body1, Button, Radio, RadioGroup, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useJobAction } from '../../api/jobs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { JOB_ACTION_TEXT, availableJobActions, type JobActionName } from './job-info';
import { JOBS_PATH } from './routes';

type DisableOption = 'requeue' | 'terminate' | 'wait';

const DISABLE_OPTIONS: { value: DisableOption; label: string }[] = [
  { value: 'requeue', label: 'Requeue: stop running tasks and put them back in the queue' },
  { value: 'terminate', label: 'Terminate: stop running tasks; they will not run again' },
  { value: 'wait', label: 'Wait: let running tasks finish' },
];

const useStyles = makeStyles({ radios: { marginTop: tokens.spacingVerticalM } });

/** Disable, enable, terminate and delete, each behind a confirmation. */
export function JobActions({ accountId, jobId, state }: { accountId: string; jobId: string; state: string | undefined }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const action = useJobAction();
  const [pending, setPending] = useState<JobActionName | undefined>();
  const [disableTasks, setDisableTasks] = useState<DisableOption>('requeue');
  const available = availableJobActions(state);
  const open = (name: JobActionName) => {
    action.reset();
    setPending(name);
  };
  const confirm = () => {
    if (!pending) return;
    const args = pending === 'disable' ? { accountId, jobId, action: pending, disableTasks } : { accountId, jobId, action: pending };
    action.mutate(args, {
      onSuccess: () => {
        setPending(undefined);
        if (pending === 'delete') navigate(JOBS_PATH);
      },
    });
  };
  const text = pending ? JOB_ACTION_TEXT[pending] : undefined;
  return (
    <>
      <Toolbar aria-label="Job actions">
        {(Object.keys(JOB_ACTION_TEXT) as JobActionName[]).map((name) => (
          <Button key={name} disabled={!available[name]} onClick={() => open(name)} data-testid={`job-${name}`}>
            {JOB_ACTION_TEXT[name].confirm}
          </Button>
        ))}
      </Toolbar>
      <ConfirmDialog
        open={pending !== undefined}
        title={text ? `${text.title} ${jobId}?` : ''}
        confirmLabel={text?.confirm ?? ''}
        danger={text?.danger}
        busy={action.isPending}
        error={action.error}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      >
        <Body1>{text?.body}</Body1>
        {pending === 'disable' ? (
          <RadioGroup
            className={styles.radios}
            aria-label="Running tasks"
            value={disableTasks}
            onChange={(_e, data) => setDisableTasks(data.value as DisableOption)}
          >
            {DISABLE_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </RadioGroup>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
