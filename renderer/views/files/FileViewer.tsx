import { Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useFileApi, useFileProperties, type FileSource } from '../../api/files';
import { FOLLOW_POLL_MS } from '../../api/intervals';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { formatTime } from '../../components/time-format';
import { imageType } from './binary-model';
import { DownloadButton } from './DownloadButton';
import { ImagePreview } from './ImagePreview';
import { formatBytes } from './text-bytes';
import { TextViewer } from './TextViewer';
import { isNotFound, missingFileText } from './viewer-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  name: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Props of FileViewer. */
export interface FileViewerProps {
  accountId: string;
  source: FileSource;
  /** The file, relative to the task or node root. */
  path: string;
  /** Follow appended output (stdout/stderr of a task that has not completed); turning it off makes one final read. */
  follow?: boolean;
  /** Height of the text area (CSS); 60vh by default. */
  height?: string;
}

/** One file of any size: text through a window of loaded lines, binary as hex, images as images; with its size and download. */
export function FileViewer({ accountId, source, path, follow = false, height = '60vh' }: FileViewerProps) {
  const styles = useStyles();
  const api = useFileApi(accountId, source);
  const props = useFileProperties(accountId, source, path, follow ? FOLLOW_POLL_MS : undefined);
  // The file may have appeared just before the task completed, after the last poll saw nothing.
  const { refetch, isError } = props;
  useEffect(() => {
    if (!follow && isError) void refetch();
  }, [follow, isError, refetch]);

  const type = imageType(path);
  let body;
  if (props.data?.isDirectory) body = <EmptyState title={`${path} is a folder`} description="Open it in the file list to see what it holds." />;
  else if (props.data && type) body = <ImagePreview api={api} path={path} size={props.data.size} type={type} />;
  else if (props.data) body = <TextViewer accountId={accountId} source={source} path={path} follow={follow} height={height} />;
  else if (props.error && isNotFound(props.error)) {
    body = (
      <Caption1 className={styles.muted} role="status" data-testid="viewer-missing">
        {missingFileText(path, source.kind)}
        {follow ? ' yet; it shows here once the task writes it.' : ''}
      </Caption1>
    );
  } else if (props.error) body = <InlineError title={`Could not open ${path}`} error={props.error} testId="viewer-error" />;
  else body = <Spinner size="small" label={`Opening ${path}…`} />;

  return (
    <section className={styles.root} aria-label={`File ${path}`} data-testid="file-viewer" data-path={path}>
      <div className={styles.head}>
        <Subtitle2 as="h2" className={styles.name}>
          {path}
        </Subtitle2>
        {props.data ? (
          <Caption1 className={styles.muted} data-testid="viewer-size">
            {formatBytes(props.data.size)} · modified {formatTime(props.data.lastModified)}
          </Caption1>
        ) : null}
        {follow ? <Caption1 data-testid="viewer-following">● following</Caption1> : null}
        {props.data && !props.data.isDirectory ? <DownloadButton accountId={accountId} source={source} path={path} isDirectory={false} /> : null}
      </div>
      {body}
    </section>
  );
}
