import { makeStyles, tokens } from '@fluentui/react-components';
import type { TaskCountsView } from '../../../shared/models';
import { progressLabel, progressSegments, type ProgressKey } from './progress-segments';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    height: '10px',
    width: '100%',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground5,
  },
  succeeded: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  failed: { backgroundColor: tokens.colorPaletteRedBackground3 },
  running: { backgroundColor: tokens.colorBrandBackground },
  active: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
});

/**
 * The stacked bar of succeeded, failed, running and active tasks. Counts ride along as data attributes so tests and
 * tooltips read exactly what is drawn.
 */
export function JobProgressBar({ counts }: { counts: TaskCountsView | undefined }) {
  const styles = useStyles();
  const label = progressLabel(counts);
  const segmentClass: Record<ProgressKey, string> = {
    succeeded: styles.succeeded,
    failed: styles.failed,
    running: styles.running,
    active: styles.active,
  };
  return (
    <div
      className={styles.bar}
      role="img"
      aria-label={label}
      title={label}
      data-testid="job-progress"
      data-active={counts?.active}
      data-running={counts?.running}
      data-succeeded={counts?.succeeded}
      data-failed={counts?.failed}
    >
      {progressSegments(counts).map((s) => (
        <div key={s.key} className={segmentClass[s.key]} style={{ width: `${s.fraction * 100}%` }} data-segment={s.key} />
      ))}
    </div>
  );
}
