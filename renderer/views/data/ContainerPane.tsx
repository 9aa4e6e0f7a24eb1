import { Button, Caption1, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ContainerSummary } from '../../../shared/models';
import { useContainers } from '../../api/storage';
import { InlineError } from '../../components/InlineError';
import { CreateContainerDialog } from './CreateContainerDialog';
import { containerLabel, splitContainers } from './names';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', maxHeight: '32vh', overflow: 'auto' },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { backgroundColor: tokens.colorSubtleBackgroundSelected, color: tokens.colorNeutralForeground1Selected, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
});

function ContainerList({ items, current, label, onSelect, testId }: { items: ContainerSummary[]; current: string; label: (c: ContainerSummary) => string; onSelect: (name: string) => void; testId: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((c) => (
        <li key={c.name}>
          <button
            type="button"
            className={mergeClasses(styles.item, c.name === current && styles.current)}
            aria-current={c.name === current ? 'true' : undefined}
            title={c.name}
            data-name={c.name}
            data-testid="container-item"
            onClick={() => onSelect(c.name)}
          >
            {label(c)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Props of ContainerPane. */
export interface ContainerPaneProps {
  accountId: string;
  current: string;
  onSelect: (container: string) => void;
}

/** The left side of the Data view: file groups by their group name, then every container, with create buttons. */
export function ContainerPane({ accountId, current, onSelect }: ContainerPaneProps) {
  const styles = useStyles();
  const containers = useContainers(accountId, true);
  const [creating, setCreating] = useState<'fileGroup' | 'container' | undefined>(undefined);
  const { fileGroups, all } = useMemo(() => splitContainers(containers.data?.pages.flatMap((p) => p.items) ?? []), [containers.data]);
  return (
    <div className={styles.pane} data-testid="container-pane">
      <div className={styles.actions}>
        <Button size="small" appearance="primary" onClick={() => setCreating('fileGroup')} data-testid="new-file-group">
          New file group
        </Button>
        <Button size="small" onClick={() => setCreating('container')} data-testid="new-container">
          New container
        </Button>
      </div>
      {containers.error ? <InlineError title="Could not list the containers" error={containers.error} testId="containers-error" /> : null}
      {containers.isPending ? <Spinner size="tiny" label="Listing containers…" /> : null}
      <Subtitle2 as="h2">File groups</Subtitle2>
      {fileGroups.length ? (
        <ContainerList items={fileGroups} current={current} label={containerLabel} onSelect={onSelect} testId="file-groups" />
      ) : (
        <Caption1 className={styles.muted}>{containers.isPending ? '' : 'No file groups yet'}</Caption1>
      )}
      <Subtitle2 as="h2">All containers</Subtitle2>
      {all.length ? (
        <ContainerList items={all} current={current} label={(c) => c.name} onSelect={onSelect} testId="all-containers" />
      ) : (
        <Caption1 className={styles.muted}>{containers.isPending ? '' : 'No containers yet'}</Caption1>
      )}
      {containers.hasNextPage ? (
        <Button size="small" appearance="subtle" onClick={() => void containers.fetchNextPage()} disabled={containers.isFetchingNextPage} data-testid="more-containers">
          {containers.isFetchingNextPage ? 'Listing…' : 'Show more containers'}
        </Button>
      ) : null}
      {creating ? (
        <CreateContainerDialog
          accountId={accountId}
          kind={creating}
          onClose={() => setCreating(undefined)}
          onCreated={(name) => {
            setCreating(undefined);
            onSelect(name);
          }}
        />
      ) : null}
    </div>
  );
}
