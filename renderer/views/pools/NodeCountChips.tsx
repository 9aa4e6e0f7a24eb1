import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { PoolSummary } from '../../../shared/models';
import { useTheme } from '../../theme/theme-context';
import { nodeStateColors, nodeStateLabel } from './node-states';
import { compactNodeCounts } from './pool-list-model';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', overflow: 'hidden' },
  chip: { display: 'inline-flex', alignItems: 'center', gap: '3px' },
  dot: { width: '8px', height: '8px', borderRadius: '50%', flexShrink: 0 },
});

/** Node counts by state as compact coloured chips ("● 3 idle"), non-zero states only. */
export function NodeCountChips({ counts }: { counts: PoolSummary['nodeCounts'] }) {
  const styles = useStyles();
  const { active } = useTheme();
  const colors = nodeStateColors(active);
  const items = compactNodeCounts(counts);
  const text = items.map((i) => `${i.count} ${nodeStateLabel(i.state).toLowerCase()}`).join(', ');
  if (items.length === 0) return <Caption1>no nodes</Caption1>;
  return (
    <span className={styles.row} title={text} aria-label={text} data-counts={items.map((i) => `${i.state}:${i.count}`).join(',')}>
      {items.map((i) => (
        <span key={i.state} className={styles.chip} aria-hidden>
          <span className={styles.dot} style={{ background: colors[i.state] }} />
          <Caption1>
            {i.count} {nodeStateLabel(i.state).toLowerCase()}
          </Caption1>
        </span>
      ))}
    </span>
  );
}
