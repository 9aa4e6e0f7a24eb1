import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { JsonObject } from '../../../shared/models';
import { useAddPool } from '../../api/pools';
import { AccountGate } from '../../components/AccountGate';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import {
  DEFAULT_POOL_FORM,
  bodyToPoolForm,
  extraPropertyNames,
  isValid,
  parseJsonObject,
  parsePoolJson,
  poolFormToBody,
  validatePoolForm,
  type PoolForm,
  type PoolFormErrors,
} from './pool-form';
import { poolHref } from './PoolsView';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type TextField = keyof PoolFormErrors;

function CreatePoolForm({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const add = useAddPool();
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [form, setForm] = useState<PoolForm>(DEFAULT_POOL_FORM);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | undefined>();
  const [touched, setTouched] = useState(false);
  const errors = touched ? validatePoolForm(form) : {};

  const set = <K extends keyof PoolForm>(key: K, value: PoolForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: TextField, label: string, extra: { mono?: boolean; hint?: string } = {}) => (
    <Field label={label} validationMessage={errors[key]} hint={extra.hint}>
      <Input
        name={key}
        value={form[key]}
        onChange={(_e, d) => set(key, d.value)}
        input={extra.mono ? { className: styles.mono } : undefined}
      />
    </Field>
  );

  const switchMode = (next: 'form' | 'json') => {
    if (next === mode) return;
    if (next === 'json') {
      setJson(JSON.stringify(poolFormToBody(form), null, 2));
      setJsonError(undefined);
      setMode('json');
      return;
    }
    const parsed = parseJsonObject(json);
    if ('error' in parsed) {
      setJsonError(`${parsed.error}. Fix it to switch back to the form.`);
      return;
    }
    setForm(bodyToPoolForm(parsed.body));
    setMode('form');
  };

  const send = (body: JsonObject) =>
    add.mutate({ accountId, pool: body as JsonObject & { id: string } }, { onSuccess: (r) => navigate(poolHref(r.id)) });

  const submit = () => {
    if (mode === 'form') {
      setTouched(true);
      if (!isValid(validatePoolForm(form))) return;
      send(poolFormToBody(form));
      return;
    }
    const parsed = parsePoolJson(json);
    if ('error' in parsed) {
      setJsonError(parsed.error);
      return;
    }
    setJsonError(undefined);
    send(parsed.body);
  };

  const extras = extraPropertyNames(form);
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TabList selectedValue={mode} onTabSelect={(_e, d) => switchMode(d.value as 'form' | 'json')}>
        <Tab value="form">Form</Tab>
        <Tab value="json">JSON</Tab>
      </TabList>
      {mode === 'form' ? (
        <>
          <div className={styles.row}>
            {text('id', 'Pool ID', { hint: 'Letters, digits, hyphens and underscores; up to 64' })}
            {text('vmSize', 'VM size')}
          </div>
          <fieldset className={styles.fieldset}>
            <legend>
              <Subtitle2>Image</Subtitle2>
            </legend>
            <div className={styles.row}>
              {text('publisher', 'Publisher')}
              {text('offer', 'Offer')}
              {text('sku', 'SKU')}
              {text('nodeAgentSkuId', 'Node agent SKU')}
            </div>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>
              <Subtitle2>Size</Subtitle2>
            </legend>
            <RadioGroup layout="horizontal" value={form.scaleMode} onChange={(_e, d) => set('scaleMode', d.value as PoolForm['scaleMode'])} aria-label="Scale mode">
              <Radio value="fixed" label="Fixed size" />
              <Radio value="autoscale" label="Autoscale" />
            </RadioGroup>
            {form.scaleMode === 'fixed' ? (
              <div className={styles.row}>
                {text('targetDedicatedNodes', 'Dedicated nodes')}
                {text('targetSpotNodes', 'Spot nodes')}
              </div>
            ) : (
              <>
                <Field label="Autoscale formula" validationMessage={errors.autoScaleFormula}>
                  <Textarea
                    name="autoScaleFormula"
                    value={form.autoScaleFormula}
                    onChange={(_e, d) => set('autoScaleFormula', d.value)}
                    rows={5}
                    spellCheck={false}
                    textarea={{ className: styles.mono }}
                  />
                </Field>
                {text('autoScaleIntervalMinutes', 'Evaluation interval (minutes; empty for 15)')}
              </>
            )}
            {text('taskSlotsPerNode', 'Task slots per node')}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>
              <Subtitle2>Start task (optional)</Subtitle2>
            </legend>
            {text('startTaskCommandLine', 'Command line', { mono: true, hint: 'Runs on every node as it joins, e.g. /bin/sh -c "apt-get install -y ffmpeg"' })}
            <Checkbox
              checked={form.startTaskWaitForSuccess}
              onChange={(_e, d) => set('startTaskWaitForSuccess', d.checked === true)}
              label="Wait for the start task to succeed before scheduling tasks"
            />
          </fieldset>
          {extras.length > 0 ? (
            <Caption1>Also sent, from the JSON: {extras.join(', ')}</Caption1>
          ) : null}
        </>
      ) : (
        <Field label="Pool body (PoolAddParameter)" validationMessage={jsonError}>
          <Textarea
            value={json}
            onChange={(_e, d) => setJson(d.value)}
            rows={24}
            spellCheck={false}
            textarea={{ className: styles.mono, 'aria-label': 'Pool JSON' }}
          />
        </Field>
      )}
      {touched && mode === 'form' && !isValid(errors) ? (
        <MessageBar intent="warning">
          <MessageBarBody>Fix the fields marked above: {Object.keys(errors).join(', ')}.</MessageBarBody>
        </MessageBar>
      ) : null}
      {add.isError ? <InlineError title="The service refused the pool" error={add.error} testId="create-pool-error" /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={add.isPending}>
          {add.isPending ? 'Creating…' : 'Create pool'}
        </Button>
        <Button as="a" href="#/pools">
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Create pool: a form with sensible defaults, or the raw JSON body; client checks name the field, service errors show inline. */
export function CreatePoolView() {
  return (
    <Page title="Create pool">
      <AccountGate what="Pools">{(accountId) => <CreatePoolForm accountId={accountId} />}</AccountGate>
    </Page>
  );
}
