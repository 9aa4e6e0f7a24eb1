import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SettingsView } from '../../../shared/models';
import { useSettings, useUpdateSettings } from '../../api/settings';
import { InlineError } from '../../components/InlineError';
import { offersUnencryptedOptIn, secretStorageBadge } from './settings-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function ConfirmUnencrypted({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert">
      <DialogSurface aria-describedby="unencrypted-warning">
        <DialogBody>
          <DialogTitle>Store secrets without encryption?</DialogTitle>
          <DialogContent className={styles.content} id="unencrypted-warning">
            <Body1>
              Account keys and Microsoft Entra ID sign-in tokens will be written to a file in the Batch Lens data folder <strong>in plain text</strong>.
              The file is readable only by your user account, but:
            </Body1>
            <ul className={styles.list}>
              <li>any program running as you, including malware, can read them and use your Batch accounts;</li>
              <li>backups and copies of your home folder carry them too;</li>
              <li>an account key gives full control of its Batch account until the key is regenerated.</li>
            </ul>
            <Body1>Only do this on a machine you alone use and trust. Without it, secrets stay in memory and you enter them again after a restart.</Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onCancel}>
              Keep them in memory
            </Button>
            <Button onClick={onConfirm}>Store without encryption</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function SecretStorage({ view }: { view: SettingsView }) {
  const styles = useStyles();
  const update = useUpdateSettings();
  const [confirming, setConfirming] = useState(false);
  const badge = secretStorageBadge(view.secretStorage.mode);
  const set = (on: boolean) => update.mutate({ storeSecretsWithoutEncryption: on });
  return (
    <>
      <div>
        <Badge appearance="tint" color={badge.colour} data-testid="secret-storage-mode" data-mode={view.secretStorage.mode}>
          {badge.label}
        </Badge>
      </div>
      <Body1 data-testid="secret-storage-message">{view.secretStorage.message}</Body1>
      {view.secretStorage.backend ? <Caption1 className={styles.muted}>Keystore: {view.secretStorage.backend}</Caption1> : null}
      {offersUnencryptedOptIn(view) ? (
        <Switch
          label="Store secrets without OS encryption"
          checked={view.storeSecretsWithoutEncryption}
          disabled={update.isPending}
          onChange={(_event, data) => (data.checked ? setConfirming(true) : set(false))}
        />
      ) : null}
      {update.isPending ? <Spinner size="tiny" label="Saving…" labelPosition="after" /> : null}
      {update.isError ? <InlineError title="The setting was not changed" error={update.error} /> : null}
      {confirming ? (
        <ConfirmUnencrypted
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            set(true);
          }}
        />
      ) : null}
    </>
  );
}

/** Settings → Secrets: how keys and tokens are kept on this machine, and the warned opt-in when the OS offers no encryption. */
export function SecretStorageSection() {
  const styles = useStyles();
  const settings = useSettings();
  let body;
  if (settings.isPending) body = <Spinner size="tiny" label="Loading settings…" labelPosition="after" />;
  else if (settings.isError) body = <InlineError title="Could not load the settings" error={settings.error} />;
  else body = <SecretStorage view={settings.data} />;
  return (
    <section className={styles.section} aria-labelledby="settings-secrets">
      <Subtitle2 as="h2" id="settings-secrets">
        Secrets
      </Subtitle2>
      {body}
    </section>
  );
}
