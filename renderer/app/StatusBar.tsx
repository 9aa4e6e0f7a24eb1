import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useAppInfo } from '../api/app';
import { useClient } from '../api/client-context';
import { transportLabel, versionLabel } from './status-text';

const useStyles = makeStyles({
  bar: {
    gridArea: 'status',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  version: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function VersionText() {
  const styles = useStyles();
  const info = useAppInfo();
  if (info.isPending) {
    return (
      <span className={styles.version} data-testid="status-version" aria-busy="true">
        <Spinner size="extra-tiny" aria-hidden="true" />
        Loading version…
      </span>
    );
  }
  if (info.isError) {
    return (
      <span className={styles.error} data-testid="status-version" title={info.error.message}>
        Version unavailable
      </span>
    );
  }
  return <span data-testid="status-version">{versionLabel(info.data.version)}</span>;
}

/** The bottom bar: which transport this renderer uses (known at start) and the app version from `app.info`. */
export function StatusBar() {
  const styles = useStyles();
  const client = useClient();
  return (
    <footer className={styles.bar} data-testid="status-bar">
      <span data-testid="status-transport">{transportLabel(client.kind)}</span>
      <VersionText />
    </footer>
  );
}
