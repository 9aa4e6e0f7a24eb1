import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AutoScaleRunView, PoolDetail } from '../../../shared/models';
import { useDisableAutoScale, useEnableAutoScale, useEvaluateAutoScale } from '../../api/pools';
import { InlineError } from '../../components/InlineError';
import { formulaProblem, parseAutoScaleResults, parseIntervalMinutes } from './autoscale-model';
import { durationMinutes } from './pool-form';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  results: { alignSelf: 'flex-start', borderCollapse: 'collapse', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  cell: { padding: `2px ${tokens.spacingHorizontalM} 2px 0`, textAlign: 'left', verticalAlign: 'top' },
});

const TEMPLATE = `// Keep one node per pending task, at most 10, and let running tasks finish.
$pending = max(0, $PendingTasks.GetSample(1));
$TargetDedicatedNodes = min(10, $pending);
$NodeDeallocationOption = taskcompletion;`;

/** An AutoScaleRun: its results as a table, or the service's error with its details. */
export function AutoScaleRunResult({ run, testId }: { run: AutoScaleRunView; testId?: string }) {
  const styles = useStyles();
  if (run.error) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid={testId} role="alert">
        <MessageBarBody>
          <MessageBarTitle>{run.error.code ?? 'Evaluation failed'}</MessageBarTitle>
          {run.error.message}
          {run.error.values?.map((v) => (
            <div key={`${v.name}=${v.value}`}>
              <code>{v.name}</code>: {v.value}
            </div>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const results = parseAutoScaleResults(run.results);
  return (
    <table className={styles.results} data-testid={testId}>
      <tbody>
        {results.map((r) => (
          <tr key={r.name}>
            <th className={styles.cell} scope="row">
              {r.name}
            </th>
            <td className={styles.cell}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Autoscale: the formula editor, Evaluate (without applying), enable or update, disable, and the last run. */
export function AutoScalePanel({ accountId, pool }: { accountId: string; pool: PoolDetail }) {
  const styles = useStyles();
  const [formula, setFormula] = useState(() => pool.autoScaleFormula ?? TEMPLATE);
  const [interval, setIntervalText] = useState(() => {
    const minutes = pool.autoScaleEvaluationInterval ? durationMinutes(pool.autoScaleEvaluationInterval) : undefined;
    return minutes === undefined ? '' : String(minutes);
  });
  const evaluate = useEvaluateAutoScale();
  const enable = useEnableAutoScale();
  const disable = useDisableAutoScale();
  const problem = formulaProblem(formula);
  const parsedInterval = parseIntervalMinutes(interval);
  const on = pool.enableAutoScale === true;

  const runEvaluate = () => {
    if (problem) return;
    evaluate.mutate({ accountId, poolId: pool.id, formula });
  };
  const runEnable = () => {
    if (problem || parsedInterval.error) return;
    const args = { accountId, poolId: pool.id, formula, ...(parsedInterval.minutes ? { intervalMinutes: parsedInterval.minutes } : {}) };
    enable.mutate(args);
  };

  return (
    <section className={styles.panel} aria-labelledby="autoscale-head">
      <Subtitle2 as="h2" id="autoscale-head">
        Autoscale is {on ? 'on' : 'off'}
      </Subtitle2>
      <Body1>
        {on
          ? `The service evaluates the formula every ${durationMinutes(pool.autoScaleEvaluationInterval ?? 'PT15M') ?? pool.autoScaleEvaluationInterval} minutes.`
          : 'The pool keeps a fixed size. Enabling autoscale hands its size to the formula; Evaluate needs autoscale on.'}
      </Body1>
      <Field label="Formula" validationMessage={problem}>
        <Textarea
          value={formula}
          onChange={(_e, d) => setFormula(d.value)}
          resize="vertical"
          rows={8}
          spellCheck={false}
          textarea={{ className: styles.mono, 'aria-label': 'Autoscale formula' }}
          data-testid="autoscale-formula"
        />
      </Field>
      <Field label="Evaluation interval (minutes, 5 to 10080; empty keeps the current one)" validationMessage={parsedInterval.error}>
        <Input value={interval} onChange={(_e, d) => setIntervalText(d.value)} inputMode="numeric" placeholder="15" />
      </Field>
      <div className={styles.actions}>
        <Button onClick={runEvaluate} disabled={!!problem || evaluate.isPending} data-testid="autoscale-evaluate">
          {evaluate.isPending ? 'Evaluating…' : 'Evaluate'}
        </Button>
        <Button appearance="primary" onClick={runEnable} disabled={!!problem || !!parsedInterval.error || enable.isPending}>
          {on ? 'Update autoscale' : 'Enable autoscale'}
        </Button>
        {on ? (
          <Button onClick={() => disable.mutate({ accountId, poolId: pool.id })} disabled={disable.isPending}>
            Disable autoscale
          </Button>
        ) : null}
      </div>
      {evaluate.isError ? <InlineError title="The service refused the evaluation" error={evaluate.error} testId="autoscale-evaluation" /> : null}
      {evaluate.data && !evaluate.isError ? (
        <>
          <Caption1>Evaluation (not applied)</Caption1>
          <AutoScaleRunResult run={evaluate.data} testId="autoscale-evaluation" />
        </>
      ) : null}
      {enable.isError ? <InlineError title="Could not enable autoscale" error={enable.error} /> : null}
      {disable.isError ? <InlineError title="Could not disable autoscale" error={disable.error} /> : null}
      {pool.autoScaleRun ? (
        <>
          <Subtitle2 as="h3">Last automatic run{pool.autoScaleRun.timestamp ? ` (${new Date(pool.autoScaleRun.timestamp).toLocaleString()})` : ''}</Subtitle2>
          <AutoScaleRunResult run={pool.autoScaleRun} />
        </>
      ) : null}
    </section>
  );
}
