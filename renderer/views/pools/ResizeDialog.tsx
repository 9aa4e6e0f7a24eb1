import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PoolDetail } from '../../../shared/models';
import { useResizePool } from '../../api/pools';
import { InlineError } from '../../components/InlineError';
import type { TaskFate } from '../nodes/node-actions';
import { TaskFateField } from '../nodes/TaskFateField';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

function wholeNumber(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) && Number(text) <= 100_000 ? Number(text) : undefined;
}

/** Resize to fixed dedicated and spot targets, choosing what happens to tasks on nodes that go. */
export function ResizeDialog({ accountId, pool, onClose }: { accountId: string; pool: PoolDetail; onClose: () => void }) {
  const styles = useStyles();
  const resize = useResizePool();
  const [dedicated, setDedicated] = useState(String(pool.targetDedicatedNodes ?? 0));
  const [spot, setSpot] = useState(String(pool.targetLowPriorityNodes ?? 0));
  const [fate, setFate] = useState<TaskFate>('requeue');
  const dedicatedN = wholeNumber(dedicated);
  const spotN = wholeNumber(spot);

  const submit = () => {
    if (dedicatedN === undefined || spotN === undefined) return;
    resize.mutate(
      { accountId, poolId: pool.id, targetDedicatedNodes: dedicatedN, targetLowPriorityNodes: spotN, nodeDeallocationOption: fate },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Resize {pool.id}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Target dedicated nodes" validationMessage={dedicatedN === undefined ? 'A whole number from 0' : undefined}>
                <Input value={dedicated} onChange={(_e, d) => setDedicated(d.value)} inputMode="numeric" name="targetDedicatedNodes" />
              </Field>
              <Field label="Target spot nodes" validationMessage={spotN === undefined ? 'A whole number from 0' : undefined}>
                <Input value={spot} onChange={(_e, d) => setSpot(d.value)} inputMode="numeric" name="targetSpotNodes" />
              </Field>
              <TaskFateField label="When nodes are removed" value={fate} onChange={setFate} />
              {resize.isError ? <InlineError title="The service refused the resize" error={resize.error} testId="resize-error" /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={resize.isPending || dedicatedN === undefined || spotN === undefined}>
                {resize.isPending ? 'Resizing…' : 'Resize'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
