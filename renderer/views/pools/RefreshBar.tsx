import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { backoffInterval } from '../../api/history';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteMarigoldForeground2 },
});

/** The slice of a react-query result the bar reads. */
export interface RefreshableQuery {
  dataUpdatedAt: number;
  isFetching: boolean;
  failureCount: number;
  isError: boolean;
  refetch: () => unknown;
}

/** A refresh button (also the `r` key) and when the data was last fetched; after failures it says how long polling waits. */
export function RefreshBar({ query, baseMs }: { query: RefreshableQuery; baseMs: number }) {
  const styles = useStyles();
  const updated = query.dataUpdatedAt ? new Date(query.dataUpdatedAt).toLocaleTimeString() : 'never';
  const waitSeconds = Math.round(backoffInterval(baseMs, query.failureCount) / 1000);
  return (
    <div className={styles.bar}>
      <Button size="small" onClick={() => void query.refetch()} aria-keyshortcuts="r" title="Refresh (r)" data-testid="refresh">
        Refresh
      </Button>
      <Caption1 data-testid="last-updated" data-updated-at={query.dataUpdatedAt || undefined}>
        Last updated {updated}
      </Caption1>
      {query.isFetching ? <Spinner size="extra-tiny" aria-label="Refreshing" /> : null}
      {query.failureCount > 0 ? (
        <Caption1 className={styles.warn}>Refresh failing; retrying every {waitSeconds} s</Caption1>
      ) : null}
    </div>
  );
}
