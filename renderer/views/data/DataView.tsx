import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLinkedStorage } from '../../api/storage';
import { AccountGate } from '../../components/AccountGate';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { ContainerBrowser } from './ContainerBrowser';
import { ContainerPane } from './ContainerPane';
import { dataPath, parseDataLocation } from './data-url';

const useStyles = makeStyles({
  split: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 1fr) minmax(0, 4fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function DataPage({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const info = useLinkedStorage(accountId);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const at = parseDataLocation(params);
  const go = (container: string, folder = '') => navigate(dataPath({ container, folder }));
  if (info.isPending) return <Spinner label="Looking up the linked storage…" />;
  if (info.error) return <InlineError title="Could not look up the linked storage" error={info.error} testId="storage-info-error" />;
  if (!info.data.available) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="storage-unavailable">
        <MessageBarBody>
          <MessageBarTitle>Linked storage is not available</MessageBarTitle>
          {info.data.reason ?? 'This account has no linked storage account.'}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <span className={styles.muted} data-testid="storage-account">
        Storage account {info.data.accountName ?? ''} {info.data.blobEndpoint ? `(${info.data.blobEndpoint})` : ''}
      </span>
      <div className={styles.split}>
        <ContainerPane accountId={accountId} current={at.container} onSelect={(name) => go(name)} />
        {at.container ? (
          <ContainerBrowser
            key={at.container}
            accountId={accountId}
            container={at.container}
            folder={at.folder}
            onNavigate={(folder) => go(at.container, folder)}
            onContainerDeleted={() => navigate(dataPath(), { replace: true })}
          />
        ) : (
          <EmptyState title="No container open" description="Pick a file group or container on the left, or create one, to list and upload its files." />
        )}
      </div>
    </>
  );
}

/** `#/data?container=<name>&folder=<prefix>`: the current account's linked storage (file groups and containers). */
export function DataView() {
  return (
    <Page title="Data">
      <AccountGate what="Containers">{(accountId) => <DataPage accountId={accountId} />}</AccountGate>
    </Page>
  );
}
