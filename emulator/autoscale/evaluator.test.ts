import { describe, expect, it } from 'vitest';
import { AutoscaleFormulaError, type AutoscaleInputs, evaluateFormula, parseFormula } from './index.js';
import { inputs, MONDAY_10AM, series } from './testInputs.js';

const SERVICE_DEFAULTS = '$TargetDedicatedNodes=0;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue';

function failure(formula: string, overrides: Partial<AutoscaleInputs> = {}): AutoscaleFormulaError {
  try {
    evaluateFormula(formula, inputs(overrides));
  } catch (error) {
    if (error instanceof AutoscaleFormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${formula} to fail`);
}

describe('read-write service variables', () => {
  it('start from the pool and can be read before they are assigned', () => {
    const result = evaluateFormula(
      'd = $TargetDedicatedNodes; l = $TargetLowPriorityNodes; o = $NodeDeallocationOption;',
      inputs({ initial: { targetDedicated: 4, targetLowPriority: 2, nodeDeallocationOption: 'terminate' } }),
    );
    expect(result).toEqual({
      targetDedicatedNodes: 4,
      targetLowPriorityNodes: 2,
      nodeDeallocationOption: 'terminate',
      results: '$TargetDedicatedNodes=4;$TargetLowPriorityNodes=2;$NodeDeallocationOption=terminate;d=4;l=2;o=terminate',
    });
  });

  it('take the assigned values, and later statements see them', () => {
    const result = evaluateFormula('$TargetDedicatedNodes = 3; $TargetLowPriorityNodes = $TargetDedicatedNodes * 2; $NodeDeallocationOption = retaineddata;', inputs());
    expect(result).toEqual({
      targetDedicatedNodes: 3,
      targetLowPriorityNodes: 6,
      nodeDeallocationOption: 'retaineddata',
      results: '$TargetDedicatedNodes=3;$TargetLowPriorityNodes=6;$NodeDeallocationOption=retaineddata',
    });
  });

  it('accept every deallocation option, as a bare word or a string', () => {
    for (const option of ['requeue', 'terminate', 'taskcompletion', 'retaineddata']) {
      expect(evaluateFormula(`$NodeDeallocationOption = ${option};`, inputs()).nodeDeallocationOption).toBe(option);
      expect(evaluateFormula(`$NodeDeallocationOption = "${option}";`, inputs()).nodeDeallocationOption).toBe(option);
    }
  });

  it('accept the $TargetDedicated and $TargetLowPriority aliases, the full name winning when both are set', () => {
    expect(evaluateFormula('$TargetDedicated = 5; $TargetLowPriority = 2;', inputs()).results).toBe(
      '$TargetDedicatedNodes=5;$TargetLowPriorityNodes=2;$NodeDeallocationOption=requeue',
    );
    expect(evaluateFormula('$TargetDedicatedNodes = 7; $TargetDedicated = 5;', inputs()).targetDedicatedNodes).toBe(7);
    expect(evaluateFormula('$TargetDedicated = 5; $TargetDedicatedNodes = 7;', inputs()).targetDedicatedNodes).toBe(7);
    expect(evaluateFormula('$TargetDedicated = 5; x = $TargetDedicatedNodes;', inputs()).results).toBe(
      '$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=5',
    );
  });

  it('truncate fractional targets and clamp negative ones to zero', () => {
    const cases: [string, number][] = [
      ['2.9', 2],
      ['2.25', 2],
      ['(6 - 4 + 3) / 4', 1],
      ['-3', 0],
      ['-0.5', 0],
      ['0', 0],
    ];
    for (const [expression, expected] of cases) {
      const result = evaluateFormula(`$TargetDedicatedNodes = ${expression}; $TargetLowPriorityNodes = ${expression};`, inputs());
      expect(result.targetDedicatedNodes, expression).toBe(expected);
      expect(result.targetLowPriorityNodes, expression).toBe(expected);
      expect(result.results, expression).toBe(`$TargetDedicatedNodes=${expected};$TargetLowPriorityNodes=${expected};$NodeDeallocationOption=requeue`);
    }
  });

  it('reject values the service cannot use, at the assigning statement', () => {
    const cases: [string, string][] = [
      ['$TargetDedicatedNodes = [1, 2];', '$TargetDedicatedNodes must be a double, not doubleVec'],
      ['$TargetLowPriority = "3";', '$TargetLowPriorityNodes must be a double, not string'],
      ['$TargetDedicatedNodes = TimeInterval_Minute;', '$TargetDedicatedNodes must be a double, not timeinterval'],
      ['$TargetDedicatedNodes = 1 / 0;', '$TargetDedicatedNodes must be a finite number, not Infinity'],
      ['$TargetLowPriorityNodes = 0 / 0;', '$TargetLowPriorityNodes must be a finite number, not NaN'],
      ['$NodeDeallocationOption = "drain";', '$NodeDeallocationOption must be one of requeue, terminate, taskcompletion or retaineddata, not "drain"'],
      ['$NodeDeallocationOption = 1;', '$NodeDeallocationOption must be one of requeue, terminate, taskcompletion or retaineddata, not a double'],
    ];
    for (const [formula, detail] of cases) {
      const error = failure(`x = 1;\n  ${formula}`);
      expect(error.code, formula).toBe('AutoScalingFormulaEvaluationError');
      expect(error.message).toBe('Autoscale evaluation failed due to an error in the formula');
      expect(error.values, formula).toEqual([{ key: 'Message', value: `Line 2, Col 3: ${detail}` }]);
    }
  });
});

describe('user variables', () => {
  it('may be written with or without a dollar sign, and the spelling is kept and distinct', () => {
    expect(evaluateFormula('$a = 1; a = 2; b = $a + a;', inputs()).results).toBe(`${SERVICE_DEFAULTS};$a=1;a=2;b=3`);
  });

  it('are listed after the service variables in ordinal name order, with their last value', () => {
    expect(evaluateFormula('zeta = 1; Beta = 2; alpha = 3; $gamma = 4; zeta = 5;', inputs()).results).toBe(
      `${SERVICE_DEFAULTS};$gamma=4;Beta=2;alpha=3;zeta=5`,
    );
  });

  it('list each type the way the service does', () => {
    const formula = [
      'd = 2.5',
      'n = 1 / 3',
      'v = [1, 2.5, -3]',
      'e = []',
      's = "text"',
      'o = taskcompletion',
      't = time("2016-10-14T18:36:43.282Z")',
      'i = 2 * TimeInterval_Day + 3 * TimeInterval_Hour + 4 * TimeInterval_Second + 5 * TimeInterval_100ns',
      'm = -90 * TimeInterval_Minute',
      'z = TimeInterval_Zero',
      'w = TimeInterval_Week + TimeInterval_Year + TimeInterval_Millisecond + TimeInterval_Microsecond',
      'f = 1.1 * 3',
    ].join(';\n');
    expect(evaluateFormula(formula, inputs()).results).toBe(
      `${SERVICE_DEFAULTS};d=2.5;e=[];f=3.3;i=2.03:00:04.0000005;m=-01:30:00;n=0.333333333333333;o=taskcompletion;s=text;` +
        't=2016-10-14T18:36:43.282Z;v=[1,2.5,-3];w=372.00:00:00.0010010;z=00:00:00',
    );
  });

  it('are an evaluation error when read before they are assigned', () => {
    const error = failure('a = 1;\nb = a + c;');
    expect(error.code).toBe('AutoScalingFormulaEvaluationError');
    expect(error.values).toEqual([{ key: 'Message', value: "Line 2, Col 9: 'c' is not defined" }]);
  });
});

describe('stop()', () => {
  it('ends evaluation and keeps the assignments made so far', () => {
    const result = evaluateFormula('$TargetDedicatedNodes = 4; a = 1; stop(); $TargetDedicatedNodes = 9; b = 2;', inputs());
    expect(result.targetDedicatedNodes).toBe(4);
    expect(result.results).toBe('$TargetDedicatedNodes=4;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;a=1');
  });

  it('stops from inside an expression, leaving the statement unassigned', () => {
    const formula = '$TargetDedicatedNodes = 2;\nx = $ActiveTasks > 10 ? stop() : 1;\n$TargetDedicatedNodes = 5;';
    expect(evaluateFormula(formula, inputs({ variables: { $ActiveTasks: 20 } })).results).toBe(
      '$TargetDedicatedNodes=2;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue',
    );
    expect(evaluateFormula(formula, inputs({ variables: { $ActiveTasks: 3 } })).results).toBe(
      '$TargetDedicatedNodes=5;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue;x=1',
    );
  });

  it('stops before a later statement can fail', () => {
    expect(() => evaluateFormula('stop(); x = missing;', inputs())).not.toThrow();
    expect(() => evaluateFormula('x = missing; stop();', inputs())).toThrow(AutoscaleFormulaError);
  });
});

describe('evaluateFormula', () => {
  it('evaluates a parsed formula repeatedly against changing inputs', () => {
    const formula = parseFormula('$TargetDedicatedNodes = min(10, avg($PendingTasks.GetSample(TimeInterval_Minute * 5)));');
    const at = (pending: number): number =>
      evaluateFormula(formula, inputs({ samples: { $PendingTasks: series(MONDAY_10AM, 10, pending) } })).targetDedicatedNodes;
    expect(at(3)).toBe(3);
    expect(at(40)).toBe(10);
    expect(at(0)).toBe(0);
  });

  it('parses text first, so syntax errors surface from evaluation too', () => {
    const error = failure('$TargetDedicatedNodes = ;');
    expect(error.code).toBe('AutoScalingFormulaSyntaxError');
    expect(error.position).toEqual({ line: 1, column: 25 });
  });

  it('runs expression statements for their errors and effects only', () => {
    expect(evaluateFormula('1 + 2; $ActiveTasks;', inputs({ variables: { $ActiveTasks: 1 } })).results).toBe(SERVICE_DEFAULTS);
    expect(failure('"a" + 1;').detail).toBe("Operator '+' is not defined for string and double");
  });
});
