import { Body1, Button, Checkbox, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BulkItemResult, NodeSummary } from '../../../shared/models';
import { useNodeAction } from '../../api/nodes';
import { AppLink } from '../../components/AppLink';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InlineError } from '../../components/InlineError';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { FileTailPanel } from '../files/FileTailPanel';
import { nodePath } from '../jobs/routes';
import { summarizeResults, summaryLine } from '../tasks/bulk-summary';
import { actionChunks, liveSelection, problemNodes } from './problem-nodes';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  pick: { justifyContent: 'flex-start', minWidth: 0 },
});

type Action = 'reboot' | 'reimage';

const CONFIRM: Record<Action, string> = {
  reboot: 'The nodes restart and run their start task again.',
  reimage: 'The nodes’ disks are wiped and the operating system is reinstalled; then the start task runs again.',
};

/** The pool's nodes whose start task failed or that are unusable, each with its startup/stderr.txt tail, and reboot or reimage. */
export function ProblemNodes({ accountId, poolId, nodes }: { accountId: string; poolId: string; nodes: readonly NodeSummary[] }) {
  const styles = useStyles();
  const problems = problemNodes(nodes);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | undefined>();
  const [pending, setPending] = useState<Action | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [results, setResults] = useState<BulkItemResult[] | undefined>();
  const action = useNodeAction();
  if (problems.length === 0) return null;
  const ids = liveSelection(selected, problems);
  const shown = problems.find((n) => n.id === focused) ?? problems[0]!;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const run = async (name: Action) => {
    const all: BulkItemResult[] = [];
    setProgress({ done: 0, total: ids.length });
    for (const chunk of actionChunks(ids)) {
      all.push(...(await action.mutateAsync({ accountId, poolId, nodeIds: chunk, action: name })));
      setProgress({ done: all.length, total: ids.length });
    }
    setResults(all);
    setPending(undefined);
    setSelected(new Set());
  };
  const columns: Column<NodeSummary>[] = [
    {
      key: 'pick',
      header: <Checkbox aria-label="Select all" checked={ids.length === problems.length ? true : ids.length ? 'mixed' : false} onChange={(_e, d) => setSelected(d.checked ? new Set(problems.map((n) => n.id)) : new Set())} />,
      width: '44px',
      render: (n) => <Checkbox aria-label={`Select ${n.id}`} checked={selected.has(n.id)} onChange={(_e, d) => toggle(n.id, d.checked === true)} />,
    },
    {
      key: 'id',
      header: 'Node',
      width: 'minmax(200px, 2fr)',
      render: (n) => (
        <Button appearance="transparent" className={styles.pick} onClick={() => setFocused(n.id)} data-testid="problem-node">
          {n.id}
        </Button>
      ),
    },
    { key: 'state', header: 'State', width: 'minmax(120px, 1fr)', render: (n) => n.state ?? '' },
    { key: 'open', header: '', width: '90px', render: (n) => <AppLink to={nodePath(poolId, n.id)}>Open</AppLink> },
  ];
  return (
    <section className={styles.section} aria-label="Nodes that need attention" data-testid="problem-nodes">
      <Subtitle2 as="h2">
        Nodes that need attention ({problems.length.toLocaleString()})
      </Subtitle2>
      <div className={styles.row}>
        <Button disabled={ids.length === 0} onClick={() => setPending('reboot')} data-testid="reboot-selected">
          Reboot selected
        </Button>
        <Button disabled={ids.length === 0} onClick={() => setPending('reimage')} data-testid="reimage-selected">
          Reimage selected
        </Button>
        {results ? <Body1 data-testid="problem-action-result">{summaryLine(summarizeResults(results))}</Body1> : null}
      </div>
      <VirtualTable rows={problems} columns={columns} rowKey={(n) => n.id} label="Nodes that need attention" maxHeight="30vh" isSelected={(n) => n.id === shown.id} />
      <FileTailPanel key={shown.id} accountId={accountId} source={{ kind: 'node', poolId, nodeId: shown.id }} path="startup/stderr.txt" title={`${shown.id}: last lines of startup/stderr.txt`} />
      {pending ? (
        <ConfirmDialog
          title={`${pending === 'reboot' ? 'Reboot' : 'Reimage'} ${ids.length} ${ids.length === 1 ? 'node' : 'nodes'}?`}
          confirmLabel={pending === 'reboot' ? 'Reboot' : 'Reimage'}
          danger={pending === 'reimage'}
          busy={action.isPending}
          error={action.error}
          onConfirm={() => void run(pending).catch(() => setProgress(undefined))}
          onCancel={() => {
            setPending(undefined);
            setProgress(undefined);
            action.reset();
          }}
        >
          <Body1>{CONFIRM[pending]}</Body1>
          {progress ? <ProgressBar value={progress.total ? progress.done / progress.total : 0} /> : null}
        </ConfirmDialog>
      ) : null}
      {action.error && !pending ? <InlineError title="Could not act on the nodes" error={action.error} /> : null}
    </section>
  );
}
