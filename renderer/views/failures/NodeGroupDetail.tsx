import { Badge, Body1, Button, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FailureNodeGroup } from '../../../shared/models';
import { useNodeAction } from '../../api/nodes';
import { AppLink } from '../../components/AppLink';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FileTailPanel } from '../files/FileTailPanel';
import { taskLogsPath } from '../files/routes';
import { nodePath, taskPath } from '../jobs/routes';
import { nodeComparison } from './failure-format';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** One node's failures: how it compares with its pool, a sample task's stderr, and disabling scheduling on it. */
export function NodeGroupDetail({ accountId, jobId, group }: { accountId: string; jobId: string; group: FailureNodeGroup }) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const action = useNodeAction();
  const { poolId, nodeId, sampleTaskId: sample } = group;
  const disable = () => {
    if (!poolId) return;
    action.mutate({ accountId, poolId, nodeIds: [nodeId], action: 'disableScheduling' }, { onSuccess: () => setConfirming(false) });
  };
  return (
    <Card className={styles.card} data-testid="failure-node-detail">
      <div className={styles.row}>
        <Subtitle2 as="h3">{poolId ? <AppLink to={nodePath(poolId, nodeId)}>{nodeId}</AppLink> : nodeId}</Subtitle2>
        {group.suspect ? <Badge color="danger">Suspect</Badge> : null}
      </div>
      <Body1>{nodeComparison(group)}</Body1>
      <div className={styles.row}>
        <Body1>
          Sample <AppLink to={taskPath(jobId, sample)}>{sample}</AppLink>
        </Body1>
        <AppLink to={taskLogsPath(jobId, sample)}>Open stderr and stdout side by side</AppLink>
        {poolId ? (
          <Button onClick={() => setConfirming(true)} data-testid="disable-node-scheduling" disabled={action.isSuccess}>
            {action.isSuccess ? 'Scheduling disabled' : 'Disable scheduling on this node'}
          </Button>
        ) : null}
      </div>
      <FileTailPanel key={sample} accountId={accountId} source={{ kind: 'task', jobId, taskId: sample }} path="stderr.txt" title={`Last lines of ${sample}'s stderr.txt`} />
      {confirming ? (
        <ConfirmDialog
          title={`Disable scheduling on ${nodeId}?`}
          confirmLabel="Disable scheduling"
          busy={action.isPending}
          error={action.error}
          onConfirm={disable}
          onCancel={() => setConfirming(false)}
        >
          <Body1>No new tasks start on this node; running tasks finish. Enable it again from the node page.</Body1>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
