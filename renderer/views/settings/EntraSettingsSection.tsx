import { Button, Caption1, Field, Input, Radio, RadioGroup, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { CloudName, SettingsView } from '../../../shared/models';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { InlineError } from '../../components/InlineError';
import { CLOUD_OPTIONS, clientIdError, entraChanged, entraPatch, isCloudName } from './settings-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

function EntraForm({ view }: { view: SettingsView }) {
  const styles = useStyles();
  const update = useUpdateSettings();
  const [cloud, setCloud] = useState<CloudName>(view.entra.cloud);
  const [clientId, setClientId] = useState(view.entra.clientId ?? '');
  const invalid = clientIdError(clientId);
  const changed = entraChanged(view, cloud, clientId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid && changed) update.mutate(entraPatch(cloud, clientId));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Microsoft Entra ID settings">
      <Field label="Cloud">
        <RadioGroup
          value={cloud}
          onChange={(_event, data) => {
            if (isCloudName(data.value)) setCloud(data.value);
          }}
        >
          {CLOUD_OPTIONS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Application (client) id"
        hint={`Leave empty to use the default, ${view.entra.defaultClientId}.`}
        validationMessage={invalid}
        validationState={invalid ? 'error' : 'none'}
      >
        <Input value={clientId} placeholder={view.entra.defaultClientId} onChange={(_event, data) => setClientId(data.value)} spellCheck={false} />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={!changed || invalid !== undefined || update.isPending}>
          Save
        </Button>
        {update.isPending ? <Spinner size="tiny" label="Saving…" labelPosition="after" /> : null}
        {update.isSuccess && !changed ? <Caption1 className={styles.muted}>Saved. The next sign-in uses it.</Caption1> : null}
      </div>
      {update.isError ? <InlineError title="The Entra ID settings were not saved" error={update.error} /> : null}
    </form>
  );
}

/** Settings → Microsoft Entra ID: which cloud to sign in to and which application (client) id to sign in as. */
export function EntraSettingsSection() {
  const styles = useStyles();
  const settings = useSettings();
  let body;
  if (settings.isPending) body = <Spinner size="tiny" label="Loading settings…" labelPosition="after" />;
  else if (settings.isError) body = <InlineError title="Could not load the settings" error={settings.error} />;
  else body = <EntraForm view={settings.data} />;
  return (
    <section className={styles.section} aria-labelledby="settings-entra">
      <Subtitle2 as="h2" id="settings-entra">
        Microsoft Entra ID
      </Subtitle2>
      <Caption1 className={styles.muted}>Signed-in identities belong to one cloud; changing it applies to the next sign-in.</Caption1>
      {body}
    </section>
  );
}
