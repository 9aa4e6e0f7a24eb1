import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useFileChunk, type FileSource } from '../../api/files';
import { InlineError } from '../../components/InlineError';
import { HEX_VIEW_BYTES, hexRows } from './binary-model';
import { chunkBytes, formatBytes } from './text-bytes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'auto',
    maxHeight: '60vh',
    borderCollapse: 'collapse',
  },
  offset: { color: tokens.colorNeutralForeground3, paddingRight: tokens.spacingHorizontalL },
  hex: { paddingRight: tokens.spacingHorizontalL, whiteSpace: 'pre' },
  ascii: { whiteSpace: 'pre' },
});

/** Props of HexView. */
export interface HexViewProps {
  accountId: string;
  source: FileSource;
  path: string;
  size: number;
}

/** A binary file: its size and a hex view (offset | hex | ASCII) of its first 4 KiB, never rendered as text. */
export function HexView({ accountId, source, path, size }: HexViewProps) {
  const styles = useStyles();
  const head = useFileChunk(accountId, source, path, 0, HEX_VIEW_BYTES);
  const rows = useMemo(() => (head.data ? hexRows(chunkBytes(head.data).subarray(0, HEX_VIEW_BYTES)) : []), [head.data]);
  return (
    <div className={styles.root} data-testid="hex-view">
      <Body1>
        {path} is a binary file of {formatBytes(size)}. {size > HEX_VIEW_BYTES ? `Its first ${formatBytes(HEX_VIEW_BYTES)}:` : 'Its bytes:'}
      </Body1>
      {head.error ? <InlineError title={`Could not read ${path}`} error={head.error} /> : null}
      {head.isPending ? <Spinner size="tiny" label="Reading…" /> : null}
      <table className={styles.table} aria-label={`First bytes of ${path}`}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.offset}>
              <td className={styles.offset}>{row.offset}</td>
              <td className={styles.hex}>{row.hex}</td>
              <td className={styles.ascii}>{row.ascii}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
