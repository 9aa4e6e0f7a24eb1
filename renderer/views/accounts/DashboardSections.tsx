import {
  Badge,
  Body1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AccountDashboard, NodeCountsByState } from '../../../shared/models';
import { jobStateCounts, jobsTotalText, nodeStateCounts, quotaLines } from './dashboard-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  states: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
});

function States({ counts, testId }: { counts: NodeCountsByState; testId: string }) {
  const styles = useStyles();
  const states = nodeStateCounts(counts);
  if (states.length === 0) return <span className={styles.muted}>—</span>;
  return (
    <span className={styles.states} data-testid={testId}>
      {states.map((s) => (
        <Badge key={s.state} appearance="tint" color={s.state === 'unusable' || s.state === 'startTaskFailed' ? 'danger' : 'informative'}>
          {`${s.label} ${s.count}`}
        </Badge>
      ))}
    </span>
  );
}

/** Each pool with its dedicated and low-priority nodes by state (`account.listPoolNodeCounts`). */
export function PoolsSection({ dashboard }: { dashboard: AccountDashboard }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="dashboard-pools">
      <Subtitle2 as="h2" id="dashboard-pools">
        Pools and nodes
      </Subtitle2>
      {dashboard.pools.length === 0 ? (
        <Body1 className={styles.muted}>This account has no pools.</Body1>
      ) : (
        <Table aria-label="Pools and nodes by state" data-testid="dashboard-pools">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Pool</TableHeaderCell>
              <TableHeaderCell>Dedicated nodes</TableHeaderCell>
              <TableHeaderCell>Dedicated by state</TableHeaderCell>
              <TableHeaderCell>Spot / low-priority nodes</TableHeaderCell>
              <TableHeaderCell>Spot by state</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {dashboard.pools.map((pool) => (
              <TableRow key={pool.poolId} data-testid="dashboard-pool" data-pool-id={pool.poolId}>
                <TableCell>{pool.poolId}</TableCell>
                <TableCell data-testid="pool-dedicated-total">{pool.dedicated.total}</TableCell>
                <TableCell>
                  <States counts={pool.dedicated} testId="pool-dedicated-states" />
                </TableCell>
                <TableCell>{pool.lowPriority.total}</TableCell>
                <TableCell>
                  <States counts={pool.lowPriority} testId="pool-spot-states" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** How many jobs are in each state. */
export function JobsSection({ dashboard }: { dashboard: AccountDashboard }) {
  const styles = useStyles();
  const states = jobStateCounts(dashboard.jobsByState);
  return (
    <section className={styles.section} aria-labelledby="dashboard-jobs">
      <Subtitle2 as="h2" id="dashboard-jobs">
        Jobs
      </Subtitle2>
      <dl className={styles.grid} data-testid="dashboard-jobs">
        <dt className={styles.term}>Total</dt>
        <dd className={styles.value} data-testid="jobs-total">
          {jobsTotalText(dashboard)}
        </dd>
        {states.map((s) => (
          <div key={s.state} className={styles.row}>
            <dt className={styles.term}>{s.label}</dt>
            <dd className={styles.value} data-testid={`jobs-${s.state}`}>
              {s.count}
            </dd>
          </div>
        ))}
      </dl>
      {dashboard.jobsTruncated ? <Body1 className={styles.muted}>Counting stopped at the first 10,000 jobs.</Body1> : null}
    </section>
  );
}

/** The account's quotas, when its type gives them (Batch-managed accounts through ARM). */
export function QuotasSection({ dashboard }: { dashboard: AccountDashboard }) {
  const styles = useStyles();
  const lines = quotaLines(dashboard.quotas);
  if (lines.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="dashboard-quotas">
      <Subtitle2 as="h2" id="dashboard-quotas">
        Quotas
      </Subtitle2>
      <dl className={styles.grid}>
        {lines.map((line) => (
          <div key={line.label} className={styles.row}>
            <dt className={styles.term}>{line.label}</dt>
            <dd className={styles.value}>{line.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
