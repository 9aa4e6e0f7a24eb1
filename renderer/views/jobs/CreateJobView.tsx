import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAddJob } from '../../api/jobs';
import { AppLink } from '../../components/AppLink';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { readJsonSpec } from './form-fields';
import { EMPTY_JOB_FORM, jobFormFromSpec, jobSpecFromForm, jobSpecPreview, type JobForm } from './job-form';
import { JOBS_PATH, jobPath } from './routes';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  json: { fontFamily: tokens.fontFamilyMonospace, minHeight: '320px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Mode = 'form' | 'json';

/** Create a job from a form or from JSON as the REST API takes it; switching modes carries the content across. */
export function CreateJobView({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const add = useAddJob();
  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState<JobForm>(EMPTY_JOB_FORM);
  const [errors, setErrors] = useState<Partial<Record<keyof JobForm, string>>>({});
  const [json, setJson] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | undefined>();
  const set = <K extends keyof JobForm>(key: K, value: JobForm[K]) => setForm({ ...form, [key]: value });

  const switchMode = (next: Mode) => {
    if (next === mode) return;
    if (next === 'json') {
      setJson(JSON.stringify(jobSpecPreview(form), null, 2));
      setJsonProblem(undefined);
      setMode('json');
      return;
    }
    const parsed = readJsonSpec(json, 'job');
    if (!parsed.ok) return setJsonProblem(`${parsed.message}. Fix it before switching back to the form.`);
    const back = jobFormFromSpec(parsed.spec);
    if (!back.ok) {
      return setJsonProblem(`The form cannot show ${back.unsupported.join(', ')}. Create the job from JSON, or remove them first.`);
    }
    setForm(back.form);
    setJsonProblem(undefined);
    setMode('form');
  };

  const submit = () => {
    let spec: Record<string, unknown> & { id: string };
    if (mode === 'form') {
      const result = jobSpecFromForm(form);
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      spec = result.spec;
    } else {
      const parsed = readJsonSpec(json, 'job');
      if (!parsed.ok) return setJsonProblem(parsed.message);
      setJsonProblem(undefined);
      spec = parsed.spec;
    }
    add.mutate({ accountId, job: spec }, { onSuccess: (created) => navigate(jobPath(created.id)) });
  };

  return (
    <Page title="Create job">
      <AppLink to={JOBS_PATH}>← Jobs</AppLink>
      <div className={styles.form}>
        <TabList selectedValue={mode} onTabSelect={(_e, d) => switchMode(d.value as Mode)}>
          <Tab value="form">Form</Tab>
          <Tab value="json" data-testid="job-json-mode">
            JSON
          </Tab>
        </TabList>
        {mode === 'form' ? (
          <>
            <div className={styles.grid}>
              <Field label="Job id" required validationMessage={errors.id}>
                <Input value={form.id} onChange={(_e, d) => set('id', d.value)} data-testid="job-id" />
              </Field>
              <Field label="Pool id" required validationMessage={errors.poolId}>
                <Input value={form.poolId} onChange={(_e, d) => set('poolId', d.value)} data-testid="job-pool" />
              </Field>
              <Field label="Priority" validationMessage={errors.priority} hint="-1000 to 1000; default 0">
                <Input value={form.priority} onChange={(_e, d) => set('priority', d.value)} inputMode="numeric" />
              </Field>
              <Field label="Max wall clock" validationMessage={errors.maxWallClock} hint="e.g. 2h, 1d, PT30M">
                <Input value={form.maxWallClock} onChange={(_e, d) => set('maxWallClock', d.value)} />
              </Field>
              <Field label="Max task retry count" validationMessage={errors.maxTaskRetryCount} hint="-1 for unlimited">
                <Input value={form.maxTaskRetryCount} onChange={(_e, d) => set('maxTaskRetryCount', d.value)} inputMode="numeric" />
              </Field>
            </div>
            <Checkbox
              checked={form.usesTaskDependencies}
              onChange={(_e, d) => set('usesTaskDependencies', d.checked === true)}
              label="Tasks can depend on other tasks"
            />
            <Field label="When all tasks complete">
              <RadioGroup
                layout="horizontal"
                value={form.onAllTasksComplete}
                onChange={(_e, d) => set('onAllTasksComplete', d.value as JobForm['onAllTasksComplete'])}
              >
                <Radio value="noaction" label="Keep the job active" />
                <Radio value="terminatejob" label="Terminate the job" />
              </RadioGroup>
            </Field>
          </>
        ) : (
          <Field label="Job JSON" hint="The body of the REST API's Add Job call; the service validates it and names any bad property.">
            <Textarea className={styles.json} value={json} onChange={(_e, d) => setJson(d.value)} resize="vertical" data-testid="job-json" />
          </Field>
        )}
        {jsonProblem ? (
          <MessageBar intent="error" data-testid="job-json-error">
            <MessageBarBody>{jsonProblem}</MessageBarBody>
          </MessageBar>
        ) : null}
        {add.error ? <InlineError title="Could not create the job" error={add.error} testId="create-job-error" /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={submit} disabled={add.isPending} data-testid="create-job-submit">
            {add.isPending ? 'Creating…' : 'Create job'}
          </Button>
          <Button onClick={() => navigate(JOBS_PATH)}>Cancel</Button>
        </div>
      </div>
    </Page>
  );
}
