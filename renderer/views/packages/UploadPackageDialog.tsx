import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApplicationView } from '../../../shared/models';
import { usePackageUpload } from '../../api/packages';
import { InlineError } from '../../components/InlineError';
import { formatBytes } from '../files/text-bytes';
import { applicationIdError, packageFileError, versionError } from './package-model';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Props of UploadPackageDialog. */
export interface UploadPackageDialogProps {
  accountId: string;
  apps: readonly ApplicationView[];
  /** Preselects an application (the row's "Upload version"). */
  applicationId?: string;
  onClose: () => void;
}

/** Asks for an application (existing or new), a version and a .zip, checks them inline, and uploads with progress and cancel. */
export function UploadPackageDialog({ accountId, apps, applicationId: initialApp = '', onClose }: UploadPackageDialogProps) {
  const styles = useStyles();
  const upload = usePackageUpload(accountId);
  const [applicationId, setApplicationId] = useState(initialApp);
  const [version, setVersion] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [touched, setTouched] = useState(false);
  const errors = {
    applicationId: applicationIdError(applicationId),
    version: versionError(version, apps, applicationId),
    file: packageFileError(file),
  };
  const invalid = Object.values(errors).some((e) => e !== undefined);
  const { state } = upload;
  const busy = state.running;
  const sent = Math.min(state.bytesTotal, state.progress?.bytesDone ?? 0);
  const submit = async () => {
    setTouched(true);
    if (invalid || !file) return;
    if (await upload.start({ applicationId, version }, file)) onClose();
  };
  const isNew = applicationId !== '' && !apps.some((a) => a.id.toLowerCase() === applicationId.toLowerCase());
  return (
    <Dialog open onOpenChange={(_e, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface data-testid="upload-package-dialog">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Upload a package version</DialogTitle>
            <DialogContent className={styles.content}>
              <Field
                label="Application id"
                required
                validationMessage={touched || applicationId ? errors.applicationId : undefined}
                hint={isNew && !errors.applicationId ? `A new application ${applicationId} is created with this version` : undefined}
              >
                <Input
                  value={applicationId}
                  onChange={(_e, d) => setApplicationId(d.value)}
                  list="package-applications"
                  disabled={busy}
                  autoFocus={!initialApp}
                  data-testid="package-application"
                />
              </Field>
              <datalist id="package-applications">
                {apps.map((app) => (
                  <option key={app.id} value={app.id} />
                ))}
              </datalist>
              <Field label="Version" required validationMessage={touched || version ? errors.version : undefined}>
                <Input value={version} onChange={(_e, d) => setVersion(d.value)} disabled={busy} data-testid="package-version" />
              </Field>
              <Field label="Package (.zip)" required validationMessage={touched || file ? errors.file : undefined}>
                <input
                  type="file"
                  accept=".zip,application/zip"
                  disabled={busy}
                  data-testid="package-file"
                  onChange={(event) => setFile(event.target.files?.[0] ?? undefined)}
                />
              </Field>
              {busy ? (
                <Field validationMessage={`Uploading ${formatBytes(sent)} of ${formatBytes(state.bytesTotal)}`} validationState="none">
                  <ProgressBar value={state.bytesTotal > 0 ? sent / state.bytesTotal : undefined} data-testid="package-progress" />
                </Field>
              ) : null}
              {state.outcome === 'cancelled' ? <Text data-testid="package-cancelled">The upload was cancelled; nothing was stored.</Text> : null}
              {state.error ? <InlineError title="The package was not uploaded" error={state.error} testId="package-upload-error" /> : null}
            </DialogContent>
            <DialogActions>
              {busy ? (
                <Button appearance="secondary" onClick={upload.cancel} data-testid="package-cancel">
                  Cancel upload
                </Button>
              ) : (
                <Button appearance="secondary" onClick={onClose}>
                  Close
                </Button>
              )}
              <Button type="submit" appearance="primary" disabled={busy || (touched && invalid)} data-testid="package-upload">
                Upload
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
