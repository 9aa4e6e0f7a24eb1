import { Badge, Button, Dropdown, Input, Link, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PoolSummary } from '../../../shared/models';
import { failingRetryMs } from '../../api/history';
import { POLL_LIST_MS } from '../../api/intervals';
import { usePools } from '../../api/pools';
import { AccountGate } from '../../components/AccountGate';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { NodeCountChips } from './NodeCountChips';
import { POOL_FILTERS, currentOverTarget, filterPools, parsePoolFilter } from './pool-list-model';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  idCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
});

/** The pool path for an id. */
export function poolHref(poolId: string): string {
  return `/pools/${encodeURIComponent(poolId)}`;
}

function PoolIdCell({ pool }: { pool: PoolSummary }) {
  const styles = useStyles();
  return (
    <span className={styles.idCell}>
      <Link as="a" href={`#${poolHref(pool.id)}`} data-testid="pool-link">
        {pool.id}
      </Link>
      <CopyIdButton value={pool.id} what="pool ID" />
    </span>
  );
}

const COLUMNS: Column<PoolSummary>[] = [
  { key: 'id', header: 'ID', width: 'minmax(180px, 2fr)', render: (p) => <PoolIdCell pool={p} /> },
  { key: 'state', header: 'State', width: '90px', render: (p) => p.state ?? '' },
  {
    key: 'allocation',
    header: 'Allocation',
    width: '100px',
    render: (p) => (p.allocationState === 'steady' ? 'steady' : <Badge appearance="tint" color="informative">{p.allocationState}</Badge>),
  },
  { key: 'vmSize', header: 'VM size', width: 'minmax(120px, 1fr)', render: (p) => p.vmSize ?? '' },
  { key: 'dedicated', header: 'Dedicated', width: '90px', render: (p) => currentOverTarget(p.currentDedicatedNodes, p.targetDedicatedNodes) },
  { key: 'spot', header: 'Spot', width: '80px', render: (p) => currentOverTarget(p.currentLowPriorityNodes, p.targetLowPriorityNodes) },
  { key: 'nodes', header: 'Nodes by state', width: 'minmax(200px, 2fr)', render: (p) => <NodeCountChips counts={p.nodeCounts} /> },
  { key: 'autoscale', header: 'Autoscale', width: '90px', render: (p) => (p.enableAutoScale ? 'on' : 'off') },
  {
    key: 'errors',
    header: 'Errors',
    width: '80px',
    render: (p) =>
      p.resizeErrors?.length ? (
        <Badge color="danger" title={p.resizeErrors.map((e) => `${e.code}: ${e.message}`).join('\n')}>
          {p.resizeErrors.length} resize
        </Badge>
      ) : (
        ''
      ),
  },
];

function PoolsList({ accountId }: { accountId: string }) {
  const styles = useStyles();
  const pools = usePools(accountId);
  const [params, setParams] = useSearchParams();
  const filter = parsePoolFilter(params.get('state'));
  const search = params.get('q') ?? '';
  const searchRef = useRef<HTMLInputElement>(null);
  useListHotkeys(() => void pools.refetch(), searchRef);
  const rows = useMemo(() => filterPools(pools.data ?? [], filter, search), [pools.data, filter, search]);

  const setParam = (name: string, value: string, empty: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === empty) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <div className={styles.toolbar}>
        <Input
          ref={searchRef}
          type="search"
          placeholder="Search by ID ( / )"
          aria-label="Search pools by ID"
          aria-keyshortcuts="/"
          value={search}
          onChange={(_e, data) => setParam('q', data.value, '')}
        />
        <Dropdown
          aria-label="Filter pools by state"
          value={POOL_FILTERS.find((f) => f.value === filter)?.label ?? ''}
          selectedOptions={[filter]}
          onOptionSelect={(_e, data) => setParam('state', data.optionValue ?? 'all', 'all')}
        >
          {POOL_FILTERS.map((f) => (
            <Option key={f.value} value={f.value}>
              {f.label}
            </Option>
          ))}
        </Dropdown>
        <RefreshBar
          updatedAt={pools.dataUpdatedAt}
          isFetching={pools.isFetching}
          onRefresh={() => void pools.refetch()}
          retryInMs={failingRetryMs(POLL_LIST_MS, pools.failureCount)}
        />
        <span className={styles.grow} />
        <Button as="a" href="#/pools/new" appearance="primary">
          Create pool
        </Button>
      </div>
      {pools.isError ? <InlineError title="Could not list the pools" error={pools.error} testId="pools-error" /> : null}
      {pools.isPending ? null : (
        <VirtualTable
          rows={rows}
          columns={COLUMNS}
          rowKey={(p) => p.id}
          label="Pools"
          rowHeight={36}
          maxHeight="520px"
          empty={(pools.data?.length ?? 0) === 0 ? 'This account has no pools yet. Create one to get started.' : 'No pool matches the filter.'}
          testId="pools-table"
        />
      )}
    </>
  );
}

/** Pools of the current account: filter, search, live refresh and a link to each pool. */
export function PoolsView() {
  return (
    <Page title="Pools">
      <AccountGate what="Pools">{(accountId) => <PoolsList key={accountId} accountId={accountId} />}</AccountGate>
    </Page>
  );
}
