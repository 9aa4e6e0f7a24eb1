import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PoolDetail } from '../../../shared/models';
import { currentOverTarget } from './pool-list-model';

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center', margin: 0 },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  errors: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The pool's key facts as a definition list. */
export function PoolFacts({ pool }: { pool: PoolDetail }) {
  const styles = useStyles();
  const facts: [string, ReactNode][] = [
    ['State', <Badge key="s" appearance="tint" color={pool.state === 'active' ? 'success' : 'warning'}>{pool.state ?? 'unknown'}</Badge>],
    ['Allocation', <Badge key="a" appearance="tint" color={pool.allocationState === 'steady' ? 'informative' : 'brand'} data-testid="allocation-state">{pool.allocationState ?? 'unknown'}</Badge>],
    ['VM size', pool.vmSize ?? ''],
    ['Dedicated', currentOverTarget(pool.currentDedicatedNodes, pool.targetDedicatedNodes)],
    ['Spot', currentOverTarget(pool.currentLowPriorityNodes, pool.targetLowPriorityNodes)],
    ['Task slots per node', String(pool.taskSlotsPerNode ?? 1)],
    ['Autoscale', pool.enableAutoScale ? 'on' : 'off'],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.def}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Resize errors, shown at the top of the pool page so they are never missed. */
export function ResizeErrors({ pool }: { pool: PoolDetail }) {
  const styles = useStyles();
  if (!pool.resizeErrors?.length) return null;
  return (
    <div className={styles.errors} data-testid="resize-errors">
      {pool.resizeErrors.map((e, i) => (
        <MessageBar key={`${e.code}-${i}`} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Resize error {e.code}</MessageBarTitle>
            {e.message}
            {e.values?.map((v) => (
              <div key={`${v.name}=${v.value}`}>
                <code>{v.name}</code>: {v.value}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

/** Props of PoolActions. */
export interface PoolActionsProps {
  pool: PoolDetail;
  onResize(): void;
  onStopResize(): void;
  onDelete(): void;
  stopping: boolean;
}

/** The pool's action buttons; resize by hand is off while autoscale owns the size. */
export function PoolActions({ pool, onResize, onStopResize, onDelete, stopping }: PoolActionsProps) {
  const styles = useStyles();
  const deleting = pool.state === 'deleting';
  return (
    <div className={styles.actions}>
      <Button
        onClick={onResize}
        disabled={pool.enableAutoScale === true || deleting}
        title={pool.enableAutoScale ? 'Autoscale sets the size; disable it to resize by hand' : undefined}
      >
        Resize…
      </Button>
      <Button onClick={onStopResize} disabled={pool.allocationState !== 'resizing' || stopping}>
        Stop resize
      </Button>
      <Button onClick={onDelete} disabled={deleting}>
        Delete…
      </Button>
    </div>
  );
}
