import { Caption1, Field, ProgressBar, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BulkItemResult, BulkProgress } from '../../../shared/models';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { progressView, summarizeResults, summaryLine } from './bulk-summary';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** Props of BulkOutcome. */
export interface BulkOutcomeProps {
  total: number;
  progress: BulkProgress | undefined;
  /** The per-item results once the call has answered. */
  results: BulkItemResult[] | undefined;
  /** Start with only the failures shown (bulk actions) or every item (adding tasks). */
  failuresOnly?: boolean;
}

/** A bulk call's progress bar while it runs, then its summary and a virtualized per-item result table. */
export function BulkOutcome({ total, progress, results, failuresOnly = false }: BulkOutcomeProps) {
  const styles = useStyles();
  const [onlyFailures, setOnlyFailures] = useState(failuresOnly);
  const view = results ? { value: 1, text: `${results.length} of ${total} done` } : progressView(progress, total);
  const summary = results ? summarizeResults(results) : undefined;
  const shown = summary ? (onlyFailures ? summary.failures : results ?? []) : [];
  const columns: Column<BulkItemResult>[] = [
    { key: 'id', header: 'Task', width: 'minmax(120px, 1fr)', render: (r) => r.id },
    {
      key: 'ok',
      header: 'Result',
      width: '90px',
      render: (r) => <span className={r.ok ? styles.ok : styles.bad}>{r.ok ? 'OK' : 'Failed'}</span>,
    },
    { key: 'code', header: 'Code', width: 'minmax(120px, 1fr)', render: (r) => <span className={styles.code}>{r.code ?? ''}</span> },
    { key: 'message', header: 'Message', width: 'minmax(160px, 2fr)', render: (r) => <span title={r.message}>{r.message ?? ''}</span> },
  ];
  return (
    <div className={styles.box} data-testid="bulk-outcome">
      <Field validationMessage={view.text} validationState="none">
        <ProgressBar value={view.value} thickness="large" aria-label="Progress" data-testid="bulk-progress" />
      </Field>
      {summary ? (
        <>
          <Caption1 data-testid="bulk-summary" className={summary.failed ? styles.bad : styles.ok}>
            {summaryLine(summary)}
          </Caption1>
          <Switch checked={onlyFailures} onChange={(_e, d) => setOnlyFailures(d.checked)} label="Show failures only" />
          <VirtualTable
            rows={shown}
            columns={columns}
            rowKey={(r) => r.id}
            label="Results per task"
            rowHeight={32}
            height="220px"
            testId="bulk-results"
            empty={onlyFailures ? 'No failures.' : 'No results.'}
          />
        </>
      ) : null}
    </div>
  );
}
