import { Body1, Button, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FailureCauseGroup } from '../../../shared/models';
import { AppLink } from '../../components/AppLink';
import { FileTailPanel } from '../files/FileTailPanel';
import { taskLogsPath } from '../files/routes';
import { taskPath } from '../jobs/routes';
import { BulkActionDialog } from '../tasks/BulkActionDialog';
import { causeTitle, retryBatch } from './failure-format';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  message: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2 },
});

/** One cause group: its sample task, the tail of that task's stderr, and "Retry all in group". */
export function CauseGroupDetail({ accountId, jobId, group, onRetried }: { accountId: string; jobId: string; group: FailureCauseGroup; onRetried: () => void }) {
  const styles = useStyles();
  const [retrying, setRetrying] = useState(false);
  const batch = retryBatch(group.taskIds);
  const sample = group.sampleTaskId;
  return (
    <Card className={styles.card} data-testid="failure-group-detail">
      <Subtitle2 as="h3">{causeTitle(group)}</Subtitle2>
      {group.message ? <Body1 className={styles.message}>{group.message}</Body1> : null}
      <div className={styles.row}>
        <Body1>
          {group.count} {group.count === 1 ? 'task' : 'tasks'}; sample <AppLink to={taskPath(jobId, sample)}>{sample}</AppLink>
        </Body1>
        <AppLink to={taskLogsPath(jobId, sample)} testId="open-sample-logs">
          Open stderr and stdout side by side
        </AppLink>
        <Button appearance="primary" onClick={() => setRetrying(true)} data-testid="retry-group">
          Retry all in group
        </Button>
        {batch.remaining > 0 ? <Caption1>Retries the first {batch.ids.length.toLocaleString()}; run it again for the other {batch.remaining.toLocaleString()}.</Caption1> : null}
      </div>
      <FileTailPanel key={sample} accountId={accountId} source={{ kind: 'task', jobId, taskId: sample }} path="stderr.txt" title={`Last lines of ${sample}'s stderr.txt`} />
      {retrying ? (
        <BulkActionDialog
          accountId={accountId}
          jobId={jobId}
          action="reactivate"
          taskIds={batch.ids}
          onClose={(finished) => {
            setRetrying(false);
            if (finished) onRetried();
          }}
        />
      ) : null}
    </Card>
  );
}
