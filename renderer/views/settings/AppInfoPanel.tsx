import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useAppInfo } from '../../api/app';
import { transportLabel } from '../../app/status-text';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Version, platform and transport as reported by main (`app.info`). */
export function AppInfoPanel() {
  const styles = useStyles();
  const info = useAppInfo();
  if (info.isPending) return <Spinner size="tiny" label="Loading app information…" labelPosition="after" />;
  if (info.isError) {
    return <Body1 className={styles.error}>App information is unavailable: {info.error.message}</Body1>;
  }
  const rows: [string, string][] = [
    ['Version', info.data.version],
    ['Platform', info.data.platform],
    ['Transport', transportLabel(info.data.transport)],
  ];
  return (
    <dl className={styles.list} data-testid="app-info">
      {rows.map(([term, value]) => (
        <div key={term} className={styles.row}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
