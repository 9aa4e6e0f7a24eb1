import { Body1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FileApi } from '../../api/files';
import { InlineError } from '../../components/InlineError';
import { MAX_IMAGE_BYTES, readAllBytes } from './binary-model';
import { formatBytes } from './text-bytes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  image: {
    maxWidth: '100%',
    maxHeight: '70vh',
    objectFit: 'contain',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** Props of ImagePreview. */
export interface ImagePreviewProps {
  api: FileApi;
  path: string;
  size: number;
  /** The image's MIME type (from its extension). */
  type: string;
}

type Loaded = { url: string } | { error: unknown } | { done: number };

/**
 * An image read in bounded chunks into a Blob of its type and shown through an object URL (revoked when it goes).
 * SVG is shown the same way, as an `<img>`, so its markup never enters the page and its scripts never run.
 */
export function ImagePreview({ api, path, size, type }: ImagePreviewProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>({ done: 0 });
  const tooBig = size > MAX_IMAGE_BYTES;
  useEffect(() => {
    if (tooBig) return;
    let url: string | undefined;
    let live = true;
    readAllBytes((offset, length) => api.read(path, offset, length), size, (done) => live && setLoaded({ done })).then(
      (bytes) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([bytes], { type }));
        setLoaded({ url });
      },
      (error: unknown) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, path, size, type, tooBig]);

  if (tooBig) {
    return (
      <Body1 data-testid="image-too-big">
        This image is {formatBytes(size)}; previews stop at {formatBytes(MAX_IMAGE_BYTES)}. Download it to view it.
      </Body1>
    );
  }
  if ('error' in loaded) return <InlineError title={`Could not read ${path}`} error={loaded.error} />;
  if ('done' in loaded) return <ProgressBar value={size ? loaded.done / size : undefined} aria-label={`Reading ${path}`} />;
  return (
    <div className={styles.root}>
      <img className={styles.image} src={loaded.url} alt={path} data-testid="image-preview" />
    </div>
  );
}
