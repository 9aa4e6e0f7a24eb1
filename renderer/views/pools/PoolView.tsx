import { Link, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { failingRetryMs } from '../../api/history';
import { POLL_ENTITY_MS } from '../../api/intervals';
import { useNodes } from '../../api/nodes';
import { useDeletePool, usePool, useStopResize } from '../../api/pools';
import { AccountGate } from '../../components/AccountGate';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { JsonView } from '../../components/JsonView';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { nodePath } from '../nodes/node-model';
import { NodeList } from '../nodes/NodeList';
import { AutoScalePanel } from './AutoScalePanel';
import { NodeHeatmap } from './NodeHeatmap';
import { ProblemNodes } from './ProblemNodes';
import { PoolCharts } from './PoolCharts';
import { PoolActions, PoolFacts, ResizeErrors } from './PoolHeader';
import { ResizeDialog } from './ResizeDialog';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  idRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'nodes', label: 'Nodes' },
  { value: 'autoscale', label: 'Autoscale' },
  { value: 'json', label: 'JSON' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

function PoolPage({ accountId, poolId }: { accountId: string; poolId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TabValue = TABS.find((t) => t.value === params.get('tab'))?.value ?? 'overview';
  const pool = usePool(accountId, poolId);
  const nodes = useNodes(accountId, poolId);
  const stopResize = useStopResize();
  const del = useDeletePool();
  const [dialog, setDialog] = useState<'none' | 'resize' | 'delete'>('none');
  const nodeSearchRef = useRef<HTMLInputElement>(null);
  useListHotkeys(() => {
    void pool.refetch();
    void nodes.refetch();
  }, nodeSearchRef);
  const openNode = (nodeId: string) => navigate(nodePath(poolId, nodeId));

  if (pool.isPending) return <Spinner size="small" label="Loading the pool…" labelPosition="after" />;
  if (pool.isError && !pool.data) {
    return (
      <>
        <InlineError title={`Could not load pool ${poolId}`} error={pool.error} testId="pool-error" />
        <Link href="#/pools">Back to pools</Link>
      </>
    );
  }
  const detail = pool.data;
  return (
    <div className={styles.body}>
      <div className={styles.head}>
        <span className={styles.idRow}>
          <code data-testid="pool-id">{detail.id}</code>
          <CopyIdButton value={detail.id} what="pool ID" />
        </span>
        <RefreshBar
          updatedAt={pool.dataUpdatedAt}
          isFetching={pool.isFetching}
          onRefresh={() => void pool.refetch()}
          retryInMs={failingRetryMs(POLL_ENTITY_MS, pool.failureCount)}
        />
      </div>
      {pool.isError ? <InlineError title="Refreshing the pool failed; showing the last known state" error={pool.error} /> : null}
      <ResizeErrors pool={detail} />
      <PoolFacts pool={detail} />
      <PoolActions
        pool={detail}
        onResize={() => setDialog('resize')}
        onStopResize={() => stopResize.mutate({ accountId, poolId })}
        onDelete={() => setDialog('delete')}
        stopping={stopResize.isPending}
      />
      {stopResize.isError ? <InlineError title="Could not stop the resize" error={stopResize.error} /> : null}
      <TabList
        selectedValue={tab}
        onTabSelect={(_e, data) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (data.value === 'overview') next.delete('tab');
              else next.set('tab', String(data.value));
              return next;
            },
            { replace: true },
          )
        }
      >
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {nodes.isError ? <InlineError title="Could not list the nodes" error={nodes.error} testId="nodes-error" /> : null}
      {tab === 'overview' ? (
        <>
          {nodes.data ? <NodeHeatmap nodes={nodes.data} taskSlotsPerNode={detail.taskSlotsPerNode} onOpen={openNode} /> : null}
          {nodes.data ? <ProblemNodes accountId={accountId} poolId={poolId} nodes={nodes.data} /> : null}
          <PoolCharts accountId={accountId} poolId={poolId} />
        </>
      ) : null}
      {tab === 'nodes' && nodes.data ? <NodeList poolId={poolId} nodes={nodes.data} searchRef={nodeSearchRef} /> : null}
      {tab === 'autoscale' ? <AutoScalePanel key={String(detail.enableAutoScale)} accountId={accountId} pool={detail} /> : null}
      {tab === 'json' ? <JsonView value={detail.raw} label={`Pool ${detail.id} as JSON`} /> : null}
      {dialog === 'resize' ? <ResizeDialog accountId={accountId} pool={detail} onClose={() => setDialog('none')} /> : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={`Delete pool ${detail.id}?`}
          confirmLabel="Delete pool"
          busy={del.isPending}
          error={del.error}
          onCancel={() => setDialog('none')}
          onConfirm={() => del.mutate({ accountId, poolId }, { onSuccess: () => navigate('/pools') })}
        >
          Its {(detail.currentDedicatedNodes ?? 0) + (detail.currentLowPriorityNodes ?? 0)} nodes are released and running tasks stop. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** One pool: heatmap, history charts, nodes, resize, autoscale, delete and its JSON. */
export function PoolView() {
  const { poolId } = useParams();
  return (
    <Page title={`Pool ${poolId ?? ''}`}>
      <AccountGate what="Pools">{(accountId) => (poolId ? <PoolPage key={`${accountId}/${poolId}`} accountId={accountId} poolId={poolId} /> : null)}</AccountGate>
    </Page>
  );
}
