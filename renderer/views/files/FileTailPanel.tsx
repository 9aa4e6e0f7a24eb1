import { Caption1, Card, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useFileTail, type FileSource } from '../../api/files';
import { AppLink } from '../../components/AppLink';
import { InlineError } from '../../components/InlineError';
import { fileViewerPath } from './routes';
import { isNotFound, missingFileText } from './viewer-text';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  lines: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    maxHeight: '320px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre',
  },
});

/** Props of FileTailPanel. */
export interface FileTailPanelProps {
  accountId: string;
  source: FileSource;
  /** The file, relative to the task or node root, e.g. "stderr.txt" or "startup/stderr.txt". */
  path: string;
  /** How many lines from the end (30 by default, at most 2000). */
  lines?: number;
  /** The heading; the path by default. */
  title?: string;
}

/** The last lines of one file in a compact read-only block, with a link to the full viewer. */
export function FileTailPanel({ accountId, source, path, lines = 30, title }: FileTailPanelProps) {
  const styles = useStyles();
  const tail = useFileTail(accountId, source, path, lines);
  let body;
  if (tail.data) {
    body = tail.data.lines.length ? (
      <pre className={styles.lines} tabIndex={0} aria-label={`Last lines of ${path}`} data-testid="tail-lines">
        {tail.data.lines.join('\n')}
      </pre>
    ) : (
      <Caption1 className={styles.muted} data-testid="tail-empty">
        {path} is empty
      </Caption1>
    );
  } else if (tail.error && isNotFound(tail.error)) {
    body = (
      <Caption1 className={styles.muted} data-testid="tail-missing">
        {missingFileText(path, source.kind)}
      </Caption1>
    );
  } else if (tail.error) body = <InlineError title={`Could not read ${path}`} error={tail.error} testId="tail-error" />;
  else body = <Spinner size="tiny" label={`Reading ${path}…`} />;
  return (
    <Card data-testid="file-tail" data-path={path}>
      <div className={styles.head}>
        <Subtitle2 as="h3">{title ?? path}</Subtitle2>
        {tail.data?.truncated ? <Caption1 className={styles.muted}>last {tail.data.lines.length} lines</Caption1> : null}
        <span className={styles.grow} />
        <AppLink to={fileViewerPath(source, path)} testId="tail-open">
          Open
        </AppLink>
      </div>
      {body}
    </Card>
  );
}
