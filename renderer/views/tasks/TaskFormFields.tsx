import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { EnvRow, TaskForm, TaskFormErrors } from './task-form';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM },
  env: { display: 'grid', gridTemplateColumns: '1fr 2fr auto', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Props of TaskFormFields. */
export interface TaskFormFieldsProps {
  form: TaskForm;
  errors: TaskFormErrors;
  onChange: (form: TaskForm) => void;
}

/** The add-task form's fields: id, command line, environment rows and constraints. */
export function TaskFormFields({ form, errors, onChange }: TaskFormFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof TaskForm>(key: K, value: TaskForm[K]) => onChange({ ...form, [key]: value });
  const setEnv = (index: number, row: EnvRow) => set('env', form.env.map((r, i) => (i === index ? row : r)));
  return (
    <div className={styles.section}>
      <Field label="Task id" required validationMessage={errors.id}>
        <Input value={form.id} onChange={(_e, d) => set('id', d.value)} data-testid="task-id" />
      </Field>
      <Field label="Command line" required validationMessage={errors.commandLine} hint='Runs without a shell unless you start one, e.g. /bin/sh -c "…"'>
        <Textarea value={form.commandLine} onChange={(_e, d) => set('commandLine', d.value)} resize="vertical" data-testid="task-command" />
      </Field>
      <fieldset className={styles.section}>
        <legend>Environment variables</legend>
        {form.env.map((row, index) => (
          <div className={styles.env} key={index}>
            <Field validationMessage={errors.env?.[index]}>
              <Input aria-label={`Variable ${index + 1} name`} placeholder="NAME" value={row.name} onChange={(_e, d) => setEnv(index, { ...row, name: d.value })} />
            </Field>
            <Input aria-label={`Variable ${index + 1} value`} placeholder="value" value={row.value} onChange={(_e, d) => setEnv(index, { ...row, value: d.value })} />
            <Button
              appearance="subtle"
              aria-label={`Remove variable ${index + 1}`}
              onClick={() => set('env', form.env.filter((_r, i) => i !== index))}
            >
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button size="small" onClick={() => set('env', [...form.env, { name: '', value: '' }])}>
            Add variable
          </Button>
        </div>
      </fieldset>
      <div className={styles.grid}>
        <Field label="Max wall clock" validationMessage={errors.maxWallClock} hint="e.g. 30m, 2h, PT1H">
          <Input value={form.maxWallClock} onChange={(_e, d) => set('maxWallClock', d.value)} />
        </Field>
        <Field label="Retention" validationMessage={errors.retention} hint="How long files are kept, e.g. 1d">
          <Input value={form.retention} onChange={(_e, d) => set('retention', d.value)} />
        </Field>
        <Field label="Max retries" validationMessage={errors.maxTaskRetryCount} hint="-1 for unlimited">
          <Input value={form.maxTaskRetryCount} onChange={(_e, d) => set('maxTaskRetryCount', d.value)} inputMode="numeric" />
        </Field>
      </div>
    </div>
  );
}
