import { Badge, Body1, Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useSearchParams } from 'react-router-dom';
import type { FailureCauseGroup, FailureNodeGroup } from '../../../shared/models';
import { useFailureSummary } from '../../api/failures';
import { InlineError } from '../../components/InlineError';
import { RefreshBar } from '../../components/RefreshBar';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { CauseGroupDetail } from './CauseGroupDetail';
import { causeTitle, groupingFromParam, nodeComparison } from './failure-format';
import { NodeGroupDetail } from './NodeGroupDetail';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  pick: { maxWidth: '100%', justifyContent: 'flex-start', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** A job's failed tasks grouped by cause or by node; picking a group shows its sample stderr and its actions. */
export function FailuresPanel({ accountId, jobId }: { accountId: string; jobId: string }) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const grouping = groupingFromParam(params.get('group'));
  const picked = params.get('g');
  const summary = useFailureSummary(accountId, jobId);
  // Each update starts from the latest URL, so two quick changes never undo each other.
  const updateParams = (change: (next: URLSearchParams) => void) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  const pick = (key: string) => updateParams((next) => next.set('g', key));
  const setGrouping = (value: string) =>
    updateParams((next) => {
      next.delete('g');
      if (value === 'node') next.set('group', 'node');
      else next.delete('group');
    });
  const data = summary.data;

  const causeColumns: Column<FailureCauseGroup>[] = [
    {
      key: 'cause',
      header: 'Cause',
      width: 'minmax(220px, 2fr)',
      render: (g) => (
        <Button appearance="transparent" className={styles.pick} onClick={() => pick(g.key)} data-testid="pick-group">
          {causeTitle(g)}
        </Button>
      ),
    },
    { key: 'message', header: 'Message', width: 'minmax(160px, 3fr)', render: (g) => g.message ?? '' },
    { key: 'count', header: 'Tasks', width: '90px', render: (g) => <span data-testid="group-count">{g.count.toLocaleString()}</span> },
  ];
  const nodeColumns: Column<FailureNodeGroup>[] = [
    {
      key: 'node',
      header: 'Node',
      width: 'minmax(220px, 2fr)',
      render: (g) => (
        <Button appearance="transparent" className={styles.pick} onClick={() => pick(`${g.poolId ?? ''}|${g.nodeId}`)} data-testid="pick-node">
          {g.nodeId}
        </Button>
      ),
    },
    { key: 'pool', header: 'Pool', width: 'minmax(100px, 1fr)', render: (g) => g.poolId ?? '' },
    { key: 'compare', header: 'Failures', width: 'minmax(200px, 2fr)', render: (g) => <span data-testid="node-count">{nodeComparison(g)}</span> },
    { key: 'suspect', header: '', width: '90px', render: (g) => (g.suspect ? <Badge color="danger">Suspect</Badge> : null) },
  ];
  const causeGroup = data?.byCause.find((g) => g.key === picked) ?? data?.byCause[0];
  const nodeGroup = data?.byNode.find((g) => `${g.poolId ?? ''}|${g.nodeId}` === picked) ?? data?.byNode[0];
  const suspects = data?.byNode.filter((g) => g.suspect).length ?? 0;

  return (
    <section className={styles.panel} aria-label="Failed tasks" data-testid="failures-panel">
      <div className={styles.row}>
        <Body1 data-testid="failed-total">
          {data ? `${data.failedTasks.toLocaleString()} failed ${data.failedTasks === 1 ? 'task' : 'tasks'}` : 'Reading failed tasks…'}
        </Body1>
        {suspects ? <Badge color="danger">{suspects} suspect {suspects === 1 ? 'node' : 'nodes'}</Badge> : null}
        <span className={styles.grow} />
        <RefreshBar updatedAt={summary.dataUpdatedAt} isFetching={summary.isFetching} onRefresh={() => void summary.refetch()} />
      </div>
      {data?.truncated ? (
        <MessageBar intent="warning">
          <MessageBarBody>Only the first {data.failedTasks.toLocaleString()} failed tasks were read; the groups cover those.</MessageBarBody>
        </MessageBar>
      ) : null}
      {summary.error ? <InlineError title="Could not read the failed tasks (retrying automatically)" error={summary.error} testId="failures-error" /> : null}
      {summary.isPending ? <Spinner label="Reading failed tasks…" /> : null}
      <TabList selectedValue={grouping} onTabSelect={(_e, d) => setGrouping(String(d.value))}>
        <Tab value="cause">By cause{data ? ` (${data.byCause.length})` : ''}</Tab>
        <Tab value="node">By node{data ? ` (${data.byNode.length})` : ''}</Tab>
      </TabList>
      {data && grouping === 'cause' ? (
        <>
          <VirtualTable
            rows={data.byCause}
            columns={causeColumns}
            rowKey={(g) => g.key}
            label="Failed tasks by cause"
            maxHeight="40vh"
            isSelected={(g) => g.key === causeGroup?.key}
            empty="No task of this job has failed."
            testId="failure-groups"
          />
          {causeGroup ? <CauseGroupDetail accountId={accountId} jobId={jobId} group={causeGroup} onRetried={() => void summary.refetch()} /> : null}
        </>
      ) : null}
      {data && grouping === 'node' ? (
        <>
          <VirtualTable
            rows={data.byNode}
            columns={nodeColumns}
            rowKey={(g) => `${g.poolId ?? ''}|${g.nodeId}`}
            label="Failed tasks by node"
            maxHeight="40vh"
            isSelected={(g) => g === nodeGroup}
            empty="No failed task ran on a node that is known."
            testId="failure-nodes"
          />
          {nodeGroup ? <NodeGroupDetail accountId={accountId} jobId={jobId} group={nodeGroup} /> : null}
        </>
      ) : null}
    </section>
  );
}
