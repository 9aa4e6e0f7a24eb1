import { Button, Caption1, Spinner, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { updatedAgo } from './time-format';
import { useNow } from './use-now';

const useStyles = makeStyles({
  bar: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { color: tokens.colorNeutralForeground3, minWidth: '150px' },
  warn: { color: tokens.colorPaletteMarigoldForeground2 },
});

/** Props of RefreshBar. */
export interface RefreshBarProps {
  /** When the data on screen last arrived (ms since epoch; 0 before it ever did). */
  updatedAt: number;
  isFetching: boolean;
  onRefresh: () => void;
  /** Why automatic refresh is off, when it is. */
  pausedReason?: string;
  /** While refreshes fail: how long polling now waits between attempts. */
  retryInMs?: number;
}

/** The refresh button (shortcut `r`) with the "last updated" time that keeps ticking, and a warning while refreshes fail. */
export function RefreshBar({ updatedAt, isFetching, onRefresh, pausedReason, retryInMs }: RefreshBarProps) {
  const styles = useStyles();
  const now = useNow();
  const at = updatedAt ? new Date(updatedAt).toLocaleTimeString() : undefined;
  return (
    <span className={styles.bar}>
      <Tooltip content="Refresh now (r)" relationship="description">
        <Button size="small" onClick={onRefresh} disabled={isFetching} aria-keyshortcuts="r" data-testid="refresh">
          Refresh
        </Button>
      </Tooltip>
      {isFetching ? <Spinner size="extra-tiny" aria-label="Refreshing" /> : null}
      <Caption1
        className={styles.text}
        data-testid="last-updated"
        data-updated-at={updatedAt || undefined}
        title={at ? `Last updated at ${at}` : undefined}
      >
        {updatedAgo(updatedAt, now)}
        {pausedReason ? ` · ${pausedReason}` : ''}
      </Caption1>
      {retryInMs !== undefined ? (
        <Caption1 className={styles.warn}>Refresh failing; retrying every {Math.round(retryInMs / 1000)} s</Caption1>
      ) : null}
    </span>
  );
}
