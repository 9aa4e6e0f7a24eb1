import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useHistory } from '../../api/history';
import { DEFAULT_CHART_RANGE_MS, RangeSelector, TimeSeriesChart } from '../../charts';
import { InlineError } from '../../components/InlineError';
import { useTheme } from '../../theme/theme-context';
import { nodeStateLines, usageLines } from './pool-charts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalL },
});

/** The pool's history charts: node counts by state (stacked) and running tasks / used slots, with one range selector. */
export function PoolCharts({ accountId, poolId }: { accountId: string; poolId: string }) {
  const styles = useStyles();
  const { active: theme } = useTheme();
  const [range, setRange] = useState(DEFAULT_CHART_RANGE_MS);
  const history = useHistory(accountId, 'pool', poolId, range);
  const stateLines = useMemo(() => nodeStateLines(history.data, theme), [history.data, theme]);
  const usage = useMemo(() => usageLines(theme), [theme]);
  return (
    <section className={styles.section} aria-labelledby="pool-history">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="pool-history">
          History
        </Subtitle2>
        <RangeSelector value={range} onChange={setRange} />
      </div>
      {history.isError ? <InlineError title="Could not load the pool's history" error={history.error} /> : null}
      <div className={styles.grid}>
        <TimeSeriesChart
          series={history.data}
          lines={stateLines}
          stacked
          rangeMs={range}
          emptyText="No samples yet: the first arrives within 10 s"
          aria-label="Nodes by state over time"
        />
        <TimeSeriesChart
          series={history.data}
          lines={usage}
          rangeMs={range}
          emptyText="No task samples yet: they start once this page is open"
          aria-label="Running tasks and used slots over time"
        />
      </div>
    </section>
  );
}
