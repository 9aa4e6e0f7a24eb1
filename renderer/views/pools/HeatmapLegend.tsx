import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ActiveTheme } from '../../theme/theme-resolution';
import { NODE_STATES, nodeStateColors, nodeStateLabel } from './node-states';

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: '2px', flexShrink: 0 },
  dim: { opacity: 0.55 },
});

/** The heatmap's key: every state with its colour and node count (empty states dimmed), and the running shades. */
export function HeatmapLegend({ byState, theme, palette }: { byState: ReadonlyMap<string, number>; theme: ActiveTheme; palette: readonly string[] }) {
  const styles = useStyles();
  const colors = nodeStateColors(theme);
  const shades = palette.slice(NODE_STATES.length);
  const extra = [...byState.keys()].filter((s) => !(NODE_STATES as readonly string[]).includes(s));
  return (
    <ul className={styles.legend} aria-label="Heatmap legend" data-testid="heatmap-legend">
      {NODE_STATES.map((state) => {
        const count = byState.get(state) ?? 0;
        return (
          <li key={state} className={mergeClasses(styles.item, count === 0 && styles.dim)}>
            <span className={styles.swatch} style={{ background: colors[state] }} aria-hidden />
            <Caption1>
              {nodeStateLabel(state)} {count}
            </Caption1>
          </li>
        );
      })}
      {extra.map((state) => (
        <li key={state} className={styles.item}>
          <span className={styles.swatch} style={{ background: colors.unknown }} aria-hidden />
          <Caption1>
            {state} {byState.get(state)}
          </Caption1>
        </li>
      ))}
      <li className={styles.item}>
        <span className={styles.swatch} style={{ background: `linear-gradient(90deg, ${shades.join(', ')})`, width: '36px' }} aria-hidden />
        <Caption1>Running: share of slots in use</Caption1>
      </li>
    </ul>
  );
}
