import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { BulkItemResult, NodeDetail } from '../../../shared/models';
import { failingRetryMs } from '../../api/history';
import { POLL_ENTITY_MS } from '../../api/intervals';
import { useNode, useNodeAction } from '../../api/nodes';
import { AccountGate } from '../../components/AccountGate';
import { AppLink } from '../../components/AppLink';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyIdButton } from '../../components/CopyIdButton';
import { InlineError } from '../../components/InlineError';
import { JsonView } from '../../components/JsonView';
import { Page } from '../../components/Page';
import { RefreshBar } from '../../components/RefreshBar';
import { useListHotkeys } from '../../components/use-list-hotkeys';
import { FileTailPanel } from '../files/FileTailPanel';
import { nodeFilesPath } from '../files/routes';
import { nodeStateLabel } from '../pools/node-states';
import { availableNodeActions, nodeActionArgs, type NodeActionSpec, type TaskFate } from './node-actions';
import { nodeDetailView } from './node-model';
import { ProblemBar, StartTaskSection, TaskRefTable } from './NodeSections';
import { TaskFateField } from './TaskFateField';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  idRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, margin: 0 },
  fact: { display: 'flex', flexDirection: 'column' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function NodeFacts({ node }: { node: NodeDetail }) {
  const styles = useStyles();
  const view = useMemo(() => nodeDetailView(node.raw), [node.raw]);
  const facts: [string, string, string?][] = [
    ['State', nodeStateLabel(node.state), 'node-state'],
    ['IP address', node.ipAddress ?? ''],
    ['VM size', node.vmSize ?? ''],
    ['Kind', node.isDedicated === false ? 'spot' : 'dedicated'],
    ['Running tasks', String(node.runningTasksCount ?? 0)],
    ...view.facts.map((f): [string, string] => [f.label, f.time ? new Date(f.value).toLocaleString() : f.value]),
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value, testId]) => (
        <div key={term} className={styles.fact}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.def} data-testid={testId} data-state={testId ? node.state : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ActionResults({ results }: { results: BulkItemResult[] }) {
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>The service accepted the action.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {failed.map((r) => (
        <InlineError key={r.id} title={`The action failed on ${r.id}`} error={{ code: r.code ?? 'Failed', message: r.message ?? 'No reason was given' }} />
      ))}
    </>
  );
}

function NodePage({ accountId, poolId, nodeId }: { accountId: string; poolId: string; nodeId: string }) {
  const styles = useStyles();
  const node = useNode(accountId, poolId, nodeId);
  const action = useNodeAction();
  const [pending, setPending] = useState<NodeActionSpec | undefined>();
  const [fate, setFate] = useState<TaskFate>('requeue');
  const [showJson, setShowJson] = useState(false);
  useListHotkeys(() => void node.refetch());
  const view = useMemo(() => (node.data ? nodeDetailView(node.data.raw) : undefined), [node.data]);

  if (node.isPending) return <Spinner size="small" label="Loading the node…" labelPosition="after" />;
  if (node.isError && !node.data) {
    return (
      <>
        <InlineError title={`Could not load node ${nodeId}`} error={node.error} testId="node-error" />
        <Link href={`#/pools/${encodeURIComponent(poolId)}`}>Back to pool {poolId}</Link>
      </>
    );
  }
  const detail = node.data;
  const confirm = () => {
    if (!pending) return;
    action.mutate(nodeActionArgs(accountId, poolId, nodeId, pending, fate), { onSuccess: () => setPending(undefined) });
  };

  return (
    <div className={styles.body}>
      <div className={styles.head}>
        <span className={styles.idRow}>
          <code data-testid="node-id">{detail.id}</code>
          <CopyIdButton value={detail.id} what="node ID" />
          <span>
            in pool <Link href={`#/pools/${encodeURIComponent(poolId)}`}>{poolId}</Link>
          </span>
          {detail.schedulingState === 'disabled' ? <Badge color="warning">scheduling disabled</Badge> : null}
          <AppLink to={nodeFilesPath(poolId, detail.id)} testId="node-files-link">
            Files
          </AppLink>
        </span>
        <RefreshBar
          updatedAt={node.dataUpdatedAt}
          isFetching={node.isFetching}
          onRefresh={() => void node.refetch()}
          retryInMs={failingRetryMs(POLL_ENTITY_MS, node.failureCount)}
        />
      </div>
      {node.isError ? <InlineError title="Refreshing the node failed; showing the last known state" error={node.error} /> : null}
      {view?.errors.map((e, i) => <ProblemBar key={`${e.code}-${i}`} title="Node error" problem={e} />)}
      <NodeFacts node={detail} />
      <div className={styles.actions} role="toolbar" aria-label="Node actions">
        {availableNodeActions(detail.schedulingState).map((spec) => (
          <Button key={spec.action} onClick={() => setPending(spec)}>
            {spec.label}…
          </Button>
        ))}
        <Button appearance="subtle" onClick={() => setShowJson((v) => !v)}>
          {showJson ? 'Hide JSON' : 'Show JSON'}
        </Button>
      </div>
      {action.data && !pending ? <ActionResults results={action.data} /> : null}
      {showJson ? <JsonView value={detail.raw} label={`Node ${detail.id} as JSON`} /> : null}
      <TaskRefTable title="Running tasks" tasks={view?.runningTasks ?? []} empty="No task is running on this node." testId="running-tasks" />
      <TaskRefTable title="Recent tasks" tasks={view?.recentTasks ?? []} empty="The node has not run tasks recently." testId="recent-tasks" />
      <StartTaskSection start={view?.startTask} />
      {detail.state?.toLowerCase() === 'starttaskfailed' || view?.startTask?.result === 'failure' ? (
        <FileTailPanel accountId={accountId} source={{ kind: 'node', poolId, nodeId: detail.id }} path="startup/stderr.txt" title="Last lines of startup/stderr.txt" />
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={`${pending.label}: ${detail.id}`}
          confirmLabel={pending.label}
          busy={action.isPending}
          error={action.error}
          onCancel={() => {
            setPending(undefined);
            action.reset();
          }}
          onConfirm={confirm}
        >
          <div className={styles.section}>
            {pending.confirm}
            {pending.asksTaskFate ? (
              <TaskFateField label="Running tasks" value={fate} onChange={setFate} />
            ) : null}
          </div>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** One compute node: state, IP, size, tasks, start task, errors, and confirmed actions. */
export function NodeView() {
  const { poolId, nodeId } = useParams();
  return (
    <Page title={`Node ${nodeId ?? ''}`}>
      <AccountGate what="Pools">
        {(accountId) =>
          poolId && nodeId ? <NodePage key={`${accountId}/${poolId}/${nodeId}`} accountId={accountId} poolId={poolId} nodeId={nodeId} /> : null
        }
      </AccountGate>
    </Page>
  );
}
