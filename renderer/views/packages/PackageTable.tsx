import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { formatTime } from '../../components/time-format';
import { formatBytes } from '../files/text-bytes';
import { stateBadge, type PackageRow, type VersionRefRow } from './package-model';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Props of PackageTable. */
export interface PackageTableProps {
  rows: readonly PackageRow[];
  /** The version an action is running on, so its buttons wait. */
  busyKey?: string;
  onActivate: (row: VersionRefRow) => void;
  onSetDefault: (row: VersionRefRow) => void;
  onDelete: (row: VersionRefRow) => void;
  onUpload: (applicationId: string) => void;
}

/** Applications and their versions: state, size, last activation, the default marker and each version's actions. */
export function PackageTable({ rows, busyKey, onActivate, onSetDefault, onDelete, onUpload }: PackageTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Application packages" data-testid="package-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Application</TableHeaderCell>
          <TableHeaderCell>Version</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Size</TableHeaderCell>
          <TableHeaderCell>Last activation</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const version = row.version;
          const busy = busyKey === row.key;
          const badge = version ? stateBadge(version.state) : undefined;
          const ref = version ? { ...row, version } : undefined;
          return (
            <TableRow key={row.key} data-testid="package-row" data-application={row.applicationId} data-version={version?.version ?? ''}>
              <TableCell>
                {row.applicationId}
                {row.displayName ? <span className={styles.muted}> ({row.displayName})</span> : null}
              </TableCell>
              <TableCell>
                {version ? version.version : <span className={styles.muted}>No versions</span>}{' '}
                {row.isDefault ? (
                  <Badge appearance="outline" color="brand" data-testid="package-default">
                    default
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>
                {badge ? (
                  <Badge appearance="tint" color={badge.color} data-testid="package-state">
                    {badge.label}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{version?.size !== undefined ? formatBytes(version.size) : '—'}</TableCell>
              <TableCell>{version?.lastActivationTime ? formatTime(version.lastActivationTime) : '—'}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  {ref && version?.state === 'pending' ? (
                    <Button size="small" disabled={busy} onClick={() => onActivate(ref)} data-testid="package-activate">
                      Activate
                    </Button>
                  ) : null}
                  {ref && !row.isDefault ? (
                    <Button size="small" disabled={busy} onClick={() => onSetDefault(ref)} data-testid="package-set-default">
                      Set default
                    </Button>
                  ) : null}
                  {ref ? (
                    <Button size="small" disabled={busy} onClick={() => onDelete(ref)} data-testid="package-delete">
                      Delete
                    </Button>
                  ) : null}
                  {!version ? (
                    <Button size="small" onClick={() => onUpload(row.applicationId)}>
                      Upload version
                    </Button>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
