import {
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useNavigate, useParams } from 'react-router-dom';
import type { AccountSummary, SampleWorkload } from '../../../shared/models';
import { useAccountDashboard, useAccounts, useRunSampleWorkload } from '../../api/accounts';
import { POLL_COUNTS_MS } from '../../api/intervals';
import { useCurrentAccount } from '../../app/CurrentAccountProvider';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { dataPath } from '../data/data-url';
import { jobPath } from '../jobs/routes';
import { PACKAGES_PATH } from '../packages/package-model';
import { AccountStatusBadge } from './AccountStatusBadge';
import { offersSampleWorkload } from './dashboard-model';
import { JobsSection, PoolsSection, QuotasSection } from './DashboardSections';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function SampleOffer({ onRun, running, error }: { onRun(): void; running: boolean; error: unknown }) {
  return (
    <EmptyState
      title="The local emulator is empty"
      description="Run a sample workload to see Batch Lens at work: it uploads a few input files, adds a small application package, and starts a pool and a job whose tasks transform each input and upload the result. Node and job counts start moving within a minute."
      action={
        <>
          <Button appearance="primary" disabled={running} onClick={onRun}>
            {running ? 'Starting the sample…' : 'Run sample workload'}
          </Button>
          {error ? <InlineError title="The sample workload did not start" error={error} /> : null}
        </>
      }
    />
  );
}

const useSampleStyles = makeStyles({
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
});

function SampleCreated({ accountId, sample }: { accountId: string; sample: SampleWorkload }) {
  const styles = useSampleStyles();
  const navigate = useNavigate();
  const current = useCurrentAccount();
  // The job and Data views show the current account, so a link first makes this account the current one.
  const go = (path: string) => {
    if (current.accountId !== accountId) current.select(accountId);
    navigate(path);
  };
  const { inputContainer, outputContainer, applicationId } = sample;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="sample-created" data-job-id={sample.jobId}>
      <MessageBarBody>
        <MessageBarTitle>Sample workload started</MessageBarTitle>
        Pool <code>{sample.poolId}</code> and job <code>{sample.jobId}</code> with {sample.taskCount} tasks were created.
        {inputContainer && outputContainer && applicationId ? (
          <>
            {' '}
            Each task downloads an input from <code>{inputContainer}</code>, runs the <code>{applicationId}</code> package on it and uploads the
            result to <code>{outputContainer}</code>; the job completes when every task has.
          </>
        ) : (
          <> Local storage (Azurite) is not running, so the sample runs compute-only tasks, without inputs, outputs or an application package.</>
        )}
        <div className={styles.links}>
          <Link onClick={() => go(jobPath(sample.jobId))} data-testid="sample-job-link">
            Open job
          </Link>
          {inputContainer ? (
            <Link onClick={() => go(dataPath({ container: inputContainer }))} data-testid="sample-inputs-link">
              Inputs
            </Link>
          ) : null}
          {outputContainer ? (
            <Link onClick={() => go(dataPath({ container: outputContainer, folder: sample.jobId }))} data-testid="sample-outputs-link">
              Outputs
            </Link>
          ) : null}
          {applicationId ? (
            <Link onClick={() => go(PACKAGES_PATH)} data-testid="sample-package-link">
              Application package
            </Link>
          ) : null}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function Dashboard({ id, account }: { id: string; account: AccountSummary | undefined }) {
  const styles = useStyles();
  const dashboard = useAccountDashboard(id);
  const sample = useRunSampleWorkload();
  if (dashboard.isPending) return <Spinner size="small" label="Loading the dashboard…" labelPosition="after" />;
  // A failed refresh keeps the last counts on screen, under the error that says why they may be stale.
  const failure = dashboard.isError ? <InlineError title="Could not load the dashboard" error={dashboard.error} testId="dashboard-error" /> : null;
  if (!dashboard.data) return failure;
  const data = dashboard.data;
  return (
    <>
      {failure}
      {sample.data ? <SampleCreated accountId={id} sample={sample.data} /> : null}
      {offersSampleWorkload(account, data) && !sample.data ? (
        <SampleOffer onRun={() => sample.mutate()} running={sample.isPending} error={sample.error} />
      ) : null}
      {account?.kind === 'local' && !offersSampleWorkload(account, data) && !sample.data ? (
        <div className={styles.header}>
          <Button size="small" disabled={sample.isPending} onClick={() => sample.mutate()}>
            {sample.isPending ? 'Starting the sample…' : 'Run sample workload'}
          </Button>
          {sample.error ? <InlineError title="The sample workload did not start" error={sample.error} /> : null}
        </div>
      ) : null}
      <PoolsSection dashboard={data} />
      <JobsSection dashboard={data} />
      <QuotasSection dashboard={data} />
      <Caption1 className={styles.muted} data-testid="dashboard-updated">
        Updated {new Date(data.fetchedAt).toLocaleTimeString()}; refreshes every {POLL_COUNTS_MS / 1000} s.
      </Caption1>
    </>
  );
}

/** One account's dashboard: pools with nodes by state, jobs by state, quotas; and the sample workload for an empty local emulator. */
export function AccountDashboardView() {
  const styles = useStyles();
  const id = useParams().id ?? '';
  const accounts = useAccounts();
  const account = accounts.data?.find((a) => a.id === id);
  const current = useCurrentAccount();
  if (accounts.isSuccess && !account) {
    return (
      <Page title="Account not found">
        <EmptyState
          title="There is no such account"
          description="It may have been removed. The Accounts page lists every account Batch Lens knows."
          action={<Link href="#/accounts">Go to Accounts</Link>}
        />
      </Page>
    );
  }
  return (
    <Page title={account?.displayName ?? 'Account'}>
      <div className={styles.header}>
        <Link href="#/accounts">← All accounts</Link>
        {account ? <AccountStatusBadge account={account} /> : null}
        {account ? <Body1 className={styles.muted}>{account.url}</Body1> : null}
        {account && current.accountId !== account.id ? (
          <Button size="small" onClick={() => current.select(account.id)}>
            Use for Pools and Jobs
          </Button>
        ) : null}
        {account && current.accountId === account.id ? <Caption1 className={styles.muted}>Current account for Pools and Jobs</Caption1> : null}
      </div>
      {accounts.isError ? <InlineError title="Could not load the accounts" error={accounts.error} /> : null}
      <Dashboard id={id} account={account} />
    </Page>
  );
}
