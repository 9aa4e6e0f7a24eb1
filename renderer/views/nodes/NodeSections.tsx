import { Caption1, Link, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { NodeProblem, NodeTaskRef, StartTaskView } from './node-model';
import { taskHref } from './node-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: { textAlign: 'left', padding: `4px ${tokens.spacingHorizontalL} 4px 0`, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  td: { padding: `4px ${tokens.spacingHorizontalL} 4px 0` },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
});

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '');

/** A table of task references with links to each task page. */
export function TaskRefTable({ title, tasks, empty, testId }: { title: string; tasks: NodeTaskRef[]; empty: string; testId: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title} data-testid={testId}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {tasks.length === 0 ? (
        <Caption1>{empty}</Caption1>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th}>Job</th>
              <th className={styles.th}>Task</th>
              <th className={styles.th}>State</th>
              <th className={styles.th}>Started</th>
              <th className={styles.th}>Ended</th>
              <th className={styles.th}>Exit code</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={`${t.jobId}/${t.taskId}`}>
                <td className={styles.td}>
                  <Link href={`#/jobs/${encodeURIComponent(t.jobId)}`}>{t.jobId}</Link>
                </td>
                <td className={styles.td}>
                  <Link href={taskHref(t.jobId, t.taskId)}>{t.taskId}</Link>
                </td>
                <td className={styles.td}>{t.state ?? ''}</td>
                <td className={styles.td}>{when(t.startTime)}</td>
                <td className={styles.td}>{when(t.endTime)}</td>
                <td className={styles.td}>{t.exitCode ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A node or start-task failure: code, message and details. */
export function ProblemBar({ title, problem }: { title: string; problem: NodeProblem }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {title}
          {problem.code ? `: ${problem.code}` : ''}
        </MessageBarTitle>
        {problem.message}
        {problem.details.map((d) => (
          <div key={`${d.name}=${d.value}`}>
            <code>{d.name}</code>: {d.value}
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The start task: its command line, how it last ran, and its failure if it failed. */
export function StartTaskSection({ start }: { start: StartTaskView | undefined }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Start task" data-testid="start-task">
      <Subtitle2 as="h2">Start task</Subtitle2>
      {!start ? (
        <Caption1>This pool has no start task.</Caption1>
      ) : (
        <>
          {start.failure ? <ProblemBar title="Start task failed" problem={start.failure} /> : null}
          <table className={styles.table}>
            <tbody>
              {start.commandLine !== undefined ? (
                <tr>
                  <th className={styles.th} scope="row">Command line</th>
                  <td className={mergeClasses(styles.td, styles.mono)}>{start.commandLine}</td>
                </tr>
              ) : null}
              {(
                [
                  ['Wait for success', start.waitForSuccess === undefined ? undefined : start.waitForSuccess ? 'yes' : 'no'],
                  ['State', start.state],
                  ['Result', start.result],
                  ['Exit code', start.exitCode],
                  ['Retries', start.retryCount],
                  ['Started', when(start.startTime) || undefined],
                  ['Ended', when(start.endTime) || undefined],
                ] as const
              )
                .filter(([, v]) => v !== undefined)
                .map(([label, v]) => (
                  <tr key={label}>
                    <th className={styles.th} scope="row">{label}</th>
                    <td className={styles.td}>{String(v)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
