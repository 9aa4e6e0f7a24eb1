import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { packagesUnavailable, usePackageActions, usePackages } from '../../api/packages';
import { AccountGate } from '../../components/AccountGate';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { packageRows, type VersionRefRow } from './package-model';
import { PackageTable } from './PackageTable';
import { UploadPackageDialog } from './UploadPackageDialog';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

function PackagesPage({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const packages = usePackages(accountId);
  const actions = usePackageActions(accountId);
  const [uploading, setUploading] = useState<{ applicationId?: string } | undefined>(undefined);
  const [deleting, setDeleting] = useState<VersionRefRow | undefined>(undefined);
  const [busyKey, setBusyKey] = useState<string | undefined>(undefined);
  if (packages.isPending) return <Spinner label="Loading the application packages…" />;
  if (packagesUnavailable(packages.error)) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="packages-unavailable">
        <MessageBarBody>
          <MessageBarTitle>Application packages are not available for this account</MessageBarTitle>
          {packages.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const apps = packages.data ?? [];
  const rows = packageRows(apps);
  const run = (row: VersionRefRow, mutate: typeof actions.activate.mutate) => {
    setBusyKey(row.key);
    mutate({ applicationId: row.applicationId, version: row.version.version }, { onSettled: () => setBusyKey(undefined) });
  };
  const actionError = actions.activate.error ?? actions.setDefault.error;
  return (
    <>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => setUploading({})} data-testid="upload-package">
          Upload version
        </Button>
        <RefreshBar updatedAt={packages.dataUpdatedAt} isFetching={packages.isFetching} onRefresh={() => void packages.refetch()} />
      </div>
      {packages.error ? <InlineError title="Could not load the application packages" error={packages.error} testId="packages-error" /> : null}
      {actionError ? <InlineError title="The package action failed" error={actionError} testId="package-action-error" /> : null}
      {rows.length === 0 && !packages.error ? (
        <EmptyState
          title="No application packages"
          description="Upload a .zip as a version of an application; once activated, pools and tasks can reference it and Batch extracts it on the nodes."
        />
      ) : (
        <PackageTable
          rows={rows}
          {...(busyKey ? { busyKey } : {})}
          onActivate={(row) => run(row, actions.activate.mutate)}
          onSetDefault={(row) => run(row, actions.setDefault.mutate)}
          onDelete={(row) => {
            actions.remove.reset();
            setDeleting(row);
          }}
          onUpload={(applicationId) => setUploading({ applicationId })}
        />
      )}
      {uploading ? (
        <UploadPackageDialog accountId={accountId} apps={apps} {...(uploading.applicationId ? { applicationId: uploading.applicationId } : {})} onClose={() => setUploading(undefined)} />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this package version?"
          confirmLabel="Delete"
          danger
          busy={actions.remove.isPending}
          error={actions.remove.error}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() =>
            actions.remove.mutate({ applicationId: deleting.applicationId, version: deleting.version.version }, { onSuccess: () => setDeleting(undefined) })
          }
        >
          Version {deleting.version.version} of {deleting.applicationId} is deleted. Pools and tasks that reference it can no longer deploy it
          {deleting.isDefault ? ', and the application has no default version afterwards' : ''}.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** `#/packages`: the current account's application packages — upload, activate, set default, delete. */
export function PackagesView() {
  return (
    <Page title="Application packages">
      <AccountGate what="Application packages">{(accountId) => <PackagesPage accountId={accountId} />}</AccountGate>
    </Page>
  );
}
