// The example formulas of "Create a formula to automatically scale compute nodes in a Batch pool"
// (learn.microsoft.com/azure/batch/batch-automatic-scaling) and of the REST and PowerShell references,
// with outcomes asserted for inputs chosen here.
import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError, type AutoscaleInputs, evaluateFormula } from './index.js';
import { inputs, MONDAY_10AM, series } from './testInputs.js';

const NOW = MONDAY_10AM;
const MINUTE = 60_000;

function caught(run: () => unknown): AutoscaleFormulaError {
  try {
    run();
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error('expected the formula to fail');
}

describe('sample formula: pending tasks', () => {
  const formula = `startingNumberOfVMs = 1;
maxNumberofVMs = 25;
pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second);
pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(180 * TimeInterval_Second));
$TargetDedicatedNodes=min(maxNumberofVMs, pendingTaskSamples);
$NodeDeallocationOption = taskcompletion;`;
  const pending = (samples: AutoscaleInputs['samples'][string]): AutoscaleInputs => inputs({ samples: { $PendingTasks: samples } });

  it('follows the average of the last three minutes when the samples are there', () => {
    const result = evaluateFormula(formula, pending(series(NOW, 6, (i) => 20 - 2 * i)));
    expect(result).toEqual({
      targetDedicatedNodes: 15,
      targetLowPriorityNodes: 0,
      nodeDeallocationOption: 'taskcompletion',
      results:
        '$TargetDedicatedNodes=15;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;' +
        'maxNumberofVMs=25;pendingTaskSamplePercent=100;pendingTaskSamples=15;startingNumberOfVMs=1',
    });
  });

  it('starts with one VM when fewer than 70% of the samples are there', () => {
    const result = evaluateFormula(formula, pending(series(NOW, 2, 50)));
    expect(result.targetDedicatedNodes).toBe(1);
    expect(result.results).toContain('pendingTaskSamplePercent=33.3333333333333;pendingTaskSamples=1');
  });

  it('never exceeds 25 VMs', () => {
    expect(evaluateFormula(formula, pending(series(NOW, 6, 400))).targetDedicatedNodes).toBe(25);
  });
});

describe('sample formula: preempted nodes', () => {
  const formula = `maxNumberofVMs = 25;
$TargetDedicatedNodes = min(maxNumberofVMs, $PreemptedNodeCount.GetSample(180 * TimeInterval_Second));
$TargetLowPriorityNodes = min(maxNumberofVMs , maxNumberofVMs - $TargetDedicatedNodes);
$NodeDeallocationOption = taskcompletion;`;

  it('replaces each preempted Spot node with a dedicated one, within 25 in all', () => {
    const result = evaluateFormula(formula, inputs({ samples: { $PreemptedNodeCount: series(NOW, 6, 3) } }));
    expect(result.results).toBe('$TargetDedicatedNodes=3;$TargetLowPriorityNodes=22;$NodeDeallocationOption=taskcompletion;maxNumberofVMs=25');
  });

  it('keeps all 25 as Spot nodes before any preemption', () => {
    const result = evaluateFormula(formula, inputs({ samples: { $PreemptedNodeCount: series(NOW, 6, 0) } }));
    expect([result.targetDedicatedNodes, result.targetLowPriorityNodes]).toEqual([0, 25]);
  });
});

describe('"Write an autoscale formula": CPU-driven dedicated nodes, capped at 400', () => {
  const formula = `$totalDedicatedNodes =
    (min($CPUPercent.GetSample(TimeInterval_Minute * 10)) > 0.7) ?
    ($CurrentDedicatedNodes * 1.1) : $CurrentDedicatedNodes;
$totalDedicatedNodes =
    (avg($CPUPercent.GetSample(TimeInterval_Minute * 60)) < 0.2) ?
    ($CurrentDedicatedNodes * 0.9) : $totalDedicatedNodes;
$TargetDedicatedNodes = min(400, $totalDedicatedNodes)`;
  const withCpu = (level: number, current: number): AutoscaleInputs =>
    inputs({ variables: { $CurrentDedicatedNodes: current }, samples: { $CPUPercent: series(NOW, 120, level) } });

  it('grows by 10% under high CPU', () => {
    expect(evaluateFormula(formula, withCpu(0.9, 10)).results).toBe(
      '$TargetDedicatedNodes=11;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;$totalDedicatedNodes=11',
    );
  });

  it('shrinks by 10% under low CPU and holds in between', () => {
    expect(evaluateFormula(formula, withCpu(0.1, 10)).targetDedicatedNodes).toBe(9);
    expect(evaluateFormula(formula, withCpu(0.5, 10)).targetDedicatedNodes).toBe(10);
  });

  it('never targets more than 400 nodes', () => {
    expect(evaluateFormula(formula, withCpu(0.9, 390)).targetDedicatedNodes).toBe(400);
  });

  it('rejects the newer page revision, whose complete formula lacks the semicolon before its last line', () => {
    const error = caught(() => evaluateFormula(`${formula}\n$NodeDeallocationOption = taskcompletion;`, withCpu(0.5, 10)));
    expect(error.code).toBe('AutoScalingFormulaSyntaxError');
    expect(error.values[0]?.value).toBe("Line 8, Col 1: Expected ';' before '$NodeDeallocationOption'");
  });
});

describe('example 1: time-based adjustment', () => {
  const formula = `$curTime = time();
$workHours = $curTime.hour >= 8 && $curTime.hour < 18;
$isWeekday = $curTime.weekday >= 1 && $curTime.weekday <= 5;
$isWorkingWeekdayHour = $workHours && $isWeekday;
$TargetDedicatedNodes = $isWorkingWeekdayHour ? 20:10;
$NodeDeallocationOption = taskcompletion;`;

  it('uses 20 nodes in weekday working hours', () => {
    expect(evaluateFormula(formula, inputs({ now: NOW })).results).toBe(
      '$TargetDedicatedNodes=20;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;' +
        '$curTime=2024-01-15T10:00:00.000Z;$isWeekday=1;$isWorkingWeekdayHour=1;$workHours=1',
    );
  });

  it('uses 10 nodes in the evening and at weekends', () => {
    expect(evaluateFormula(formula, inputs({ now: Date.UTC(2024, 0, 15, 18, 0) })).targetDedicatedNodes).toBe(10);
    expect(evaluateFormula(formula, inputs({ now: Date.UTC(2024, 0, 20, 10, 0) })).targetDedicatedNodes).toBe(10);
  });

  it('reproduces the results the docs print for the evaluate-autoscale sample (a Thursday at 19:18 UTC)', () => {
    const documented = formula.replace('\n$NodeDeallocationOption = taskcompletion;', '');
    expect(evaluateFormula(documented, inputs({ now: Date.parse('2016-10-13T19:18:47.805Z') })).results).toBe(
      '$TargetDedicatedNodes=10;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;' +
        '$curTime=2016-10-13T19:18:47.805Z;$isWeekday=1;$isWorkingWeekdayHour=0;$workHours=0',
    );
  });

  it('shifts to a local time zone by adding an offset', () => {
    const mountain = formula.replace('$curTime = time();', '$curTime = time() + (-6 * TimeInterval_Hour);');
    expect(evaluateFormula(mountain, inputs({ now: Date.UTC(2024, 0, 15, 15, 0) })).targetDedicatedNodes).toBe(20);
    expect(evaluateFormula(mountain, inputs({ now: Date.UTC(2024, 0, 15, 13, 0) })).targetDedicatedNodes).toBe(10);
    expect(evaluateFormula(mountain, inputs({ now: Date.UTC(2024, 0, 15, 1, 0) })).targetDedicatedNodes).toBe(10);
  });
});

describe('the .NET snippet: 5 nodes on Mondays, 1 otherwise', () => {
  const formula = '$TargetDedicatedNodes = (time().weekday == 1 ? 5:1);';

  it('follows the day of the week', () => {
    expect(evaluateFormula(formula, inputs({ now: NOW })).targetDedicatedNodes).toBe(5);
    expect(evaluateFormula(formula, inputs({ now: NOW + 86_400_000 })).targetDedicatedNodes).toBe(1);
  });

  it('accepts the one-line formulas the docs use to switch autoscale on', () => {
    expect(evaluateFormula('$TargetDedicatedNodes = 0', inputs({ initial: { targetDedicated: 3, targetLowPriority: 0, nodeDeallocationOption: 'requeue' } })).targetDedicatedNodes).toBe(0);
    expect(evaluateFormula('$TargetDedicatedNodes = $CurrentDedicatedNodes;', inputs({ variables: { $CurrentDedicatedNodes: 6 } })).targetDedicatedNodes).toBe(6);
  });
});

describe('example 2: task-based adjustment (comments and line breaks allowed)', () => {
  const formula = `// pending tasks over 15 minutes
$samples = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 15);
// too few samples: the last one; otherwise the larger of it and the average
$tasks = $samples < 70 ? max(0,$PendingTasks.GetSample(1)) : max( $PendingTasks.GetSample(1), avg($PendingTasks.GetSample(TimeInterval_Minute * 15)));
// no pending tasks: half the current target
$targetVMs = $tasks > 0? $tasks:max(0, $TargetDedicatedNodes/2);
// capped at 20
$TargetDedicatedNodes = max(0, min($targetVMs, 20));
// let running tasks finish
$NodeDeallocationOption = taskcompletion;`;
  const run = (samples: AutoscaleInputs['samples'][string], current = 0): number =>
    evaluateFormula(formula, inputs({ samples: { $PendingTasks: samples }, initial: { targetDedicated: current, targetLowPriority: 0, nodeDeallocationOption: 'requeue' } }))
      .targetDedicatedNodes;

  it('takes the larger of the last sample and the 15-minute average', () => {
    expect(run(series(NOW, 30, (i) => (i === 0 ? 12 : 8)))).toBe(12);
    expect(run(series(NOW, 30, (i) => (i === 0 ? 2 : 9)))).toBe(8);
  });

  it('uses the last sample when fewer than 70% of the samples are there', () => {
    expect(run(series(NOW, 5, (i) => (i === 0 ? 5 : 30)))).toBe(5);
  });

  it('halves the pool when nothing is pending, and caps it at 20', () => {
    expect(run(series(NOW, 30, 0), 6)).toBe(3);
    expect(run(series(NOW, 30, 0), 7)).toBe(3);
    expect(run(series(NOW, 30, 100))).toBe(20);
  });

  it('fails with InsufficientSampleData on a pool with no samples at all', () => {
    const error = caught(() => run({ samples: [] }));
    expect(error.code).toBe('InsufficientSampleData');
    expect(error.values[0]?.value).toBe('Line 4, Col 32: Insufficient data from data set: $PendingTasks wanted 1 samples, received 0');
  });
});

describe('example 3: accounting for parallel tasks (four slots per node, at most 3 nodes)', () => {
  const formula = `$samples = $ActiveTasks.GetSamplePercent(TimeInterval_Minute * 15);
$tasks = $samples < 70 ? max(0,$ActiveTasks.GetSample(1)) : max( $ActiveTasks.GetSample(1),avg($ActiveTasks.GetSample(TimeInterval_Minute * 15)));
$cores = $TargetDedicatedNodes * 4;
$extraVMs = (($tasks - $cores) + 3) / 4;
$targetVMs = ($TargetDedicatedNodes + $extraVMs);
$TargetDedicatedNodes = max(0,min($targetVMs,3));
$NodeDeallocationOption = taskcompletion;`;
  const run = (active: number, current: number): string =>
    evaluateFormula(formula, inputs({ samples: { $ActiveTasks: series(NOW, 30, active) }, initial: { targetDedicated: current, targetLowPriority: 0, nodeDeallocationOption: 'requeue' } }))
      .results;

  it('rounds the extra nodes up by adding 3 before dividing by 4, then truncates', () => {
    expect(run(6, 1)).toBe(
      '$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=taskcompletion;' +
        '$cores=4;$extraVMs=1.25;$samples=100;$targetVMs=2.25;$tasks=6',
    );
    expect(run(8, 1)).toContain('$TargetDedicatedNodes=2;');
    expect(run(9, 1)).toContain('$TargetDedicatedNodes=3;');
  });

  it('caps at three nodes and shrinks when the queue drains', () => {
    expect(run(40, 1)).toContain('$TargetDedicatedNodes=3;');
    expect(run(0, 3)).toContain('$TargetDedicatedNodes=0;');
  });
});

describe('example 4: an initial pool size for the first ten minutes', () => {
  const formulaFor = (created: number): string => `
    $TargetDedicatedNodes = 4;
    lifespan         = time() - time("${new Date(created).toUTCString()}");
    span             = TimeInterval_Minute * 60;
    startup          = TimeInterval_Minute * 10;
    ratio            = 50;

    $TargetDedicatedNodes = (lifespan > startup ? (max($RunningTasks.GetSample(span, ratio), $ActiveTasks.GetSample(span, ratio)) == 0 ? 0 : $TargetDedicatedNodes) : 4);
    `;
  const tasks = (running: number, active: number, count = 120): Partial<AutoscaleInputs> => ({
    samples: { $RunningTasks: series(NOW, count, running), $ActiveTasks: series(NOW, count, active) },
  });

  it('keeps four nodes during the first ten minutes without reading any samples', () => {
    expect(evaluateFormula(formulaFor(NOW - 5 * MINUTE), inputs()).results).toBe(
      '$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;lifespan=00:05:00;ratio=50;span=01:00:00;startup=00:10:00',
    );
  });

  it('drops to zero after an idle hour and keeps four while tasks run or wait', () => {
    expect(evaluateFormula(formulaFor(NOW - 120 * MINUTE), inputs(tasks(0, 0))).targetDedicatedNodes).toBe(0);
    expect(evaluateFormula(formulaFor(NOW - 120 * MINUTE), inputs(tasks(1, 0))).targetDedicatedNodes).toBe(4);
    expect(evaluateFormula(formulaFor(NOW - 120 * MINUTE), inputs(tasks(0, 2))).targetDedicatedNodes).toBe(4);
  });

  it('fails when less than half of the hour was sampled', () => {
    const error = caught(() => evaluateFormula(formulaFor(NOW - 120 * MINUTE), inputs(tasks(0, 0, 48))));
    expect(error.code).toBe('InsufficientSampleData');
    expect(error.values[0]?.value).toBe('Line 8, Col 56: Insufficient data from data set: $RunningTasks wanted 50%, received 40%');
  });
});

describe('the REST and PowerShell evaluate example (uses the $CurrentDedicated and $TargetDedicated spellings)', () => {
  const formula =
    'totalNodes=($CPUPercent.GetSamplePercent(TimeInterval_Minute*0,TimeInterval_Minute*10)<0.7?5:(min($CPUPercent.GetSample(TimeInterval_Minute*0, TimeInterval_Minute*10))>0.8?($CurrentDedicated*1.1):$CurrentDedicated));$TargetDedicated=min(100,totalNodes);';

  it('gives the documented result when no CPU samples exist', () => {
    expect(evaluateFormula(formula, inputs({ variables: { $CurrentDedicatedNodes: 2 } })).results).toBe(
      '$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;totalNodes=5',
    );
  });

  it('grows by 10% when every sample shows high CPU', () => {
    const result = evaluateFormula(formula, inputs({ variables: { $CurrentDedicatedNodes: 20 }, samples: { $CPUPercent: series(NOW, 20, 0.9) } }));
    expect(result.targetDedicatedNodes).toBe(22);
  });
});
