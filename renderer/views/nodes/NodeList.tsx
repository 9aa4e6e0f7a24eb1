import { Caption1, Dropdown, Input, Link, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type RefObject } from 'react';
import type { NodeSummary } from '../../../shared/models';
import { CopyIdButton } from '../../components/CopyIdButton';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useTheme } from '../../theme/theme-context';
import { nodeStateColors, nodeStateIndex, nodeStateLabel, NODE_STATES } from '../pools/node-states';
import { NODE_FILTERS, filterNodes, nodePath } from './node-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  idCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  dot: { width: '8px', height: '8px', borderRadius: '50%', flexShrink: 0 },
});

function StateCell({ state }: { state: string | undefined }) {
  const styles = useStyles();
  const { active } = useTheme();
  const color = nodeStateColors(active)[NODE_STATES[nodeStateIndex(state)] ?? 'unknown'];
  return (
    <span className={styles.state}>
      <span className={styles.dot} style={{ background: color }} aria-hidden />
      {nodeStateLabel(state)}
    </span>
  );
}

/** Props of NodeList. */
export interface NodeListProps {
  poolId: string;
  nodes: readonly NodeSummary[];
  /** The search box, for the page's `/` shortcut. */
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * The nodes of a pool: state filter and id search over the polled list, virtualized. Its columns are the fields of
 * node polling's `$select` (kept small for 20,000-node pools); the node page shows the rest.
 */
export function NodeList({ poolId, nodes, searchRef }: NodeListProps) {
  const styles = useStyles();
  const [state, setState] = useState('all');
  const [search, setSearch] = useState('');
  // Sorted once per poll; each keystroke then filters rows already in order, so re-sorting them costs one pass.
  const sorted = useMemo(() => filterNodes(nodes, 'all', ''), [nodes]);
  const rows = useMemo(() => filterNodes(sorted, state, search), [sorted, state, search]);
  const columns = useMemo<Column<NodeSummary>[]>(
    () => [
      {
        key: 'id',
        header: 'ID',
        width: 'minmax(200px, 2fr)',
        render: (n) => (
          <span className={styles.idCell}>
            <Link href={`#${nodePath(poolId, n.id)}`}>{n.id}</Link>
            <CopyIdButton value={n.id} what="node ID" />
          </span>
        ),
      },
      { key: 'state', header: 'State', width: 'minmax(140px, 1fr)', render: (n) => <StateCell state={n.state} /> },
      { key: 'kind', header: 'Kind', width: '90px', render: (n) => (n.isDedicated === false ? 'spot' : 'dedicated') },
      { key: 'tasks', header: 'Running tasks', width: '110px', render: (n) => String(n.runningTasksCount ?? 0) },
      { key: 'slots', header: 'Used slots', width: '90px', render: (n) => String(n.runningTaskSlotsCount ?? 0) },
    ],
    [poolId, styles.idCell],
  );
  return (
    <section className={styles.section} aria-label="Nodes">
      <div className={styles.toolbar}>
        <Input ref={searchRef} type="search" placeholder="Search by ID ( / )" aria-label="Search nodes" value={search} onChange={(_e, d) => setSearch(d.value)} />
        <Dropdown
          aria-label="Filter nodes by state"
          value={NODE_FILTERS.find((f) => f.value === state)?.label ?? ''}
          selectedOptions={[state]}
          onOptionSelect={(_e, d) => setState(d.optionValue ?? 'all')}
        >
          {NODE_FILTERS.map((f) => (
            <Option key={f.value} value={f.value}>
              {f.label}
            </Option>
          ))}
        </Dropdown>
        <Caption1>
          {rows.length} of {nodes.length} nodes
        </Caption1>
      </div>
      <VirtualTable rows={rows} columns={columns} rowKey={(n) => n.id} label="Nodes of the pool" rowHeight={36} maxHeight="520px" empty="No node matches." testId="nodes-table" />
    </section>
  );
}
