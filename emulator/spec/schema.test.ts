import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBatchSpec, specFilePath } from './load';
import { validateDefinition } from './schema';

const spec = loadBatchSpec();

// Fresh, valid bodies from the spec's own examples, so each mutation starts from something the spec accepts.
function exampleBody(file: string): Record<string, unknown> {
  const text = readFileSync(join(dirname(specFilePath()), 'examples', file), 'utf8');
  return (JSON.parse(text) as { responses: { 200: { body: Record<string, unknown> } } }).responses[200].body;
}

function at(value: unknown, ...keys: (string | number)[]): Record<string, unknown> {
  return keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string, unknown>;
}

describe('validateDefinition on examples', () => {
  it.each([
    ['ComputeNodeListResult', 'NodeList.json'],
    ['CloudJobListResult', 'JobList.json'],
    ['CloudTask', 'TaskGet.json'],
    ['CloudPool', 'PoolGet_VirtualMachineConfigurationWithExtensions.json'],
    ['TaskCountsResult', 'JobGetTaskCounts.json'],
  ])('%s accepts %s unchanged', (definition, file) => {
    expect(validateDefinition(spec, definition, exampleBody(file))).toEqual([]);
  });

  it('throws on a definition the spec lacks', () => {
    expect(() => validateDefinition(spec, 'NoSuchThing', {})).toThrow(/NoSuchThing/);
  });
});

describe('mutations', () => {
  it('reports a missing required property', () => {
    const body = exampleBody('JobGetTaskCounts.json');
    delete at(body, 'taskCounts').running;
    expect(validateDefinition(spec, 'TaskCountsResult', body)).toEqual([
      { path: 'taskCounts.running', message: 'missing required property of TaskCounts' },
    ]);
  });

  it('treats an undefined property as missing', () => {
    const body = exampleBody('JobGetTaskCounts.json');
    body.taskSlotCounts = undefined;
    expect(validateDefinition(spec, 'TaskCountsResult', body)).toEqual([
      { path: 'taskSlotCounts', message: 'missing required property of TaskCountsResult' },
    ]);
  });

  it('reports a wrong type', () => {
    const body = exampleBody('JobList.json');
    at(body, 'value', 0).priority = '0';
    at(body, 'value', 0).allowTaskPreemption = 'false';
    expect(validateDefinition(spec, 'CloudJobListResult', body)).toEqual([
      { path: 'value[0].priority', message: 'expected integer, got string "0"' },
      { path: 'value[0].allowTaskPreemption', message: 'expected boolean, got string "false"' },
    ]);
  });

  it('reports a non-integral integer', () => {
    const body = exampleBody('TaskGet.json');
    at(body, 'executionInfo').retryCount = 1.5;
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([
      { path: 'executionInfo.retryCount', message: 'expected integer, got number 1.5' },
    ]);
  });

  it('reports an int32 overflow on either side and accepts the limits', () => {
    const body = exampleBody('NodeList.json');
    at(body, 'value', 0, 'startTaskInfo').exitCode = 2 ** 31;
    at(body, 'value', 1, 'startTaskInfo').exitCode = -(2 ** 31) - 1;
    at(body, 'value', 2, 'startTaskInfo').exitCode = 2 ** 31 - 1;
    at(body, 'value', 2).totalTasksRun = -(2 ** 31);
    expect(validateDefinition(spec, 'ComputeNodeListResult', body)).toEqual([
      { path: 'value[0].startTaskInfo.exitCode', message: '2147483648 is outside the int32 range' },
      { path: 'value[1].startTaskInfo.exitCode', message: '-2147483649 is outside the int32 range' },
    ]);
  });

  it('accepts int64 values past int32 but not fractions', () => {
    const file = { name: 'big.bin', properties: { lastModified: '2020-01-01T00:00:00Z', contentLength: 2 ** 40 } };
    expect(validateDefinition(spec, 'NodeFile', file)).toEqual([]);
    file.properties.contentLength = 2 ** 40 + 0.5;
    expect(validateDefinition(spec, 'NodeFile', file)).toEqual([
      { path: 'properties.contentLength', message: `expected integer, got number ${2 ** 40 + 0.5}` },
    ]);
  });

  it('reports a bad date-time', () => {
    const body = exampleBody('TaskGet.json');
    body.creationTime = '2016-09-06 06:59:15';
    body.stateTransitionTime = '2016-02-30T00:00:00Z';
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([
      { path: 'creationTime', message: '"2016-09-06 06:59:15" is not an ISO-8601 date-time' },
      { path: 'stateTransitionTime', message: '"2016-02-30T00:00:00Z" is not an ISO-8601 date-time' },
    ]);
  });

  it('reports a bad duration', () => {
    const body = exampleBody('TaskGet.json');
    at(body, 'constraints').maxWallClockTime = '10675199.02:48:05.4775807';
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([
      { path: 'constraints.maxWallClockTime', message: '"10675199.02:48:05.4775807" is not an ISO-8601 duration' },
    ]);
  });

  it('reports an unknown enum value, including one that differs only in case', () => {
    const body = exampleBody('TaskGet.json');
    body.state = 'Active';
    at(body, 'userIdentity', 'autoUser').scope = 'everywhere';
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([
      { path: 'state', message: 'string "Active" is not one of "active", "preparing", "running", "completed"' },
      { path: 'userIdentity.autoUser.scope', message: 'string "everywhere" is not one of "task", "pool"' },
    ]);
  });

  it('accepts the camelCase x-ms-enum name the service sends where the spec lists the value in lower case', () => {
    const body = exampleBody('TaskGet.json');
    body.executionInfo = { ...at(body, 'executionInfo'), failureInfo: { category: 'userError', code: 'FailureExitCode' } };
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([]);
    at(body, 'executionInfo', 'failureInfo').category = 'UserError';
    expect(validateDefinition(spec, 'CloudTask', body)).toEqual([
      {
        path: 'executionInfo.failureInfo.category',
        message: 'string "UserError" is not one of "usererror", "servererror"',
      },
    ]);
  });

  it('reports an extra property, at the root and nested', () => {
    const body = exampleBody('PoolGet_VirtualMachineConfigurationWithExtensions.json');
    body.colour = 'blue';
    at(body, 'virtualMachineConfiguration', 'imageReference').region = 'westus';
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([
      { path: 'virtualMachineConfiguration.imageReference.region', message: 'property not declared by ImageReference' },
      { path: 'colour', message: 'property not declared by CloudPool' },
    ]);
  });

  it('reports a nested error inside an array item', () => {
    const body = exampleBody('NodeList.json');
    at(body, 'value', 2, 'startTask', 'userIdentity', 'autoUser').elevationLevel = 'root';
    expect(validateDefinition(spec, 'ComputeNodeListResult', body)).toEqual([
      {
        path: 'value[2].startTask.userIdentity.autoUser.elevationLevel',
        message: 'string "root" is not one of "nonadmin", "admin"',
      },
    ]);
  });

  it('reports a missing required property inside an array item', () => {
    const body = exampleBody('NodeList.json');
    delete at(body, 'value', 1, 'startTask').commandLine;
    expect(validateDefinition(spec, 'ComputeNodeListResult', body)).toEqual([
      { path: 'value[1].startTask.commandLine', message: 'missing required property of StartTask' },
    ]);
  });

  it('reports an object where an array belongs, and an array where an object belongs', () => {
    const body = exampleBody('PoolGet_VirtualMachineConfigurationWithExtensions.json');
    at(body, 'virtualMachineConfiguration').extensions = { name: 'x' };
    body.startTask = [];
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([
      { path: 'startTask', message: 'expected object, got array' },
      { path: 'virtualMachineConfiguration.extensions', message: 'expected array, got object' },
    ]);
  });

  it('checks numbers', () => {
    const metrics = {
      poolId: 'p',
      startTime: '2020-01-01T00:00:00Z',
      endTime: '2020-01-01T00:30:00Z',
      vmSize: 'standard_d2s_v3',
      totalCoreHours: 0.25,
    };
    expect(validateDefinition(spec, 'PoolUsageMetrics', metrics)).toEqual([]);
    expect(validateDefinition(spec, 'PoolUsageMetrics', { ...metrics, totalCoreHours: '0.25' })).toEqual([
      { path: 'totalCoreHours', message: 'expected number, got string "0.25"' },
    ]);
  });

  it('rejects null unless the spec marks the property x-nullable', () => {
    const body = exampleBody('PoolGet_VirtualMachineConfigurationWithExtensions.json');
    body.currentNodeCommunicationMode = null;
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([]);
    body.targetNodeCommunicationMode = null;
    body.displayName = null;
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([
      { path: 'targetNodeCommunicationMode', message: 'null is not allowed for NodeCommunicationMode' },
      { path: 'displayName', message: 'null is not allowed' },
    ]);
  });

  it('takes free-form extension settings as an object or a JSON-encoded object, nothing else', () => {
    const body = exampleBody('PoolGet_VirtualMachineConfigurationWithExtensions.json');
    const extension = at(body, 'virtualMachineConfiguration', 'extensions', 0);
    extension.settings = { anything: { nested: [1, 2] } };
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([]);
    extension.settings = '42';
    extension.protectedSettings = 7;
    expect(validateDefinition(spec, 'CloudPool', body)).toEqual([
      { path: 'virtualMachineConfiguration.extensions[0].settings', message: 'expected object, got string "42"' },
      { path: 'virtualMachineConfiguration.extensions[0].protectedSettings', message: 'expected object, got number 7' },
    ]);
  });

  it('reports every problem in one pass', () => {
    const body = exampleBody('NodeList.json');
    at(body, 'value', 0).state = 'busy';
    at(body, 'value', 1).lastBootTime = 'yesterday';
    at(body, 'value', 2).extra = true;
    expect(validateDefinition(spec, 'ComputeNodeListResult', body).map((problem) => problem.path)).toEqual([
      'value[0].state',
      'value[1].lastBootTime',
      'value[2].extra',
    ]);
  });
});
