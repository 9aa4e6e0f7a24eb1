// Hand-made HTTP against the emulator: bad input, authentication, headers and conditional requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { rawRequest, specProblems, startTestEmulator, waitFor, type RawOptions, type RawResponse } from './test/helpers.js';

let emulator: RunningEmulator;
let stop: () => Promise<void>;

const POOL = {
  id: 'raw-pool',
  vmSize: 'STANDARD_A1',
  virtualMachineConfiguration: { imageReference: { publisher: 'canonical', offer: 'o', sku: 's' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
  targetDedicatedNodes: 1,
  taskSchedulingPolicy: { nodeFillType: 'PACK' },
};

async function call(method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const res = await rawRequest(emulator, method, path, options);
  const body = method === 'HEAD' || res.text === '' ? undefined : res.text;
  // 304 is not among any operation's declared responses, and routing errors have no operation to check against.
  const problems = res.status === 304 ? [] : specProblems(method, path, res.status, body).filter((p) => !p.message.startsWith('no '));
  expect(problems).toEqual([]);
  return res;
}

function errorOf(res: RawResponse): { code: string; message: { lang: string; value: string }; values: { key: string; value: string }[] } {
  return res.json() as never;
}

function detail(res: RawResponse, key: string): string | undefined {
  return errorOf(res).values.find((v) => v.key === key)?.value;
}

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator());
  const added = await call('POST', '/pools', { body: JSON.stringify(POOL) });
  expect(added.status).toBe(201);
  await call('POST', '/jobs', { body: JSON.stringify({ id: 'raw-job', poolInfo: { poolId: 'raw-pool' } }) });
});

afterAll(async () => {
  await stop();
});

describe('request bodies', () => {
  it('refuses malformed JSON with 400 InvalidRequestBody saying where', async () => {
    const res = await call('POST', '/jobs', { body: '{"id": "j", "poolInfo": {' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('InvalidRequestBody');
    expect(errorOf(res).message.lang).toBe('en-US');
    expect(detail(res, 'Reason')).toMatch(/not valid JSON.*line 1/);
  });

  it('names the property of a wrong type, nested or not', async () => {
    const top = await call('POST', '/pools', { body: JSON.stringify({ ...POOL, id: 'p2', targetDedicatedNodes: 'two' }) });
    expect([top.status, errorOf(top).code, detail(top, 'PropertyName')]).toEqual([400, 'InvalidPropertyValue', 'targetDedicatedNodes']);
    const nested = await call('POST', '/jobs/raw-job/tasks', { body: JSON.stringify({ id: 't', commandLine: 'x', constraints: { maxTaskRetryCount: '1' } }) });
    expect([nested.status, detail(nested, 'PropertyName')]).toEqual([400, 'constraints.maxTaskRetryCount']);
    const inArray = await call('POST', '/jobs/raw-job/addtaskcollection', {
      body: JSON.stringify({ value: [{ id: 'a', commandLine: 'x' }, { id: 'b', commandLine: 7 }] }),
    });
    expect([inArray.status, detail(inArray, 'PropertyName')]).toEqual([400, 'value[1].commandLine']);
  });

  it('reports missing and unknown properties', async () => {
    const missing = await call('POST', '/pools', { body: JSON.stringify({ id: 'p3', virtualMachineConfiguration: POOL.virtualMachineConfiguration }) });
    expect([missing.status, errorOf(missing).code, detail(missing, 'PropertyName')]).toEqual([400, 'MissingRequiredProperty', 'vmSize']);
    const unknown = await call('POST', '/jobs', { body: JSON.stringify({ id: 'j3', poolInfo: { poolId: 'x' }, colour: 'red' }) });
    expect([unknown.status, errorOf(unknown).code, detail(unknown, 'PropertyName')]).toEqual([400, 'UnsupportedProperty', 'colour']);
    const notObject = await call('POST', '/jobs', { body: '[1,2]' });
    expect([notObject.status, errorOf(notObject).code]).toEqual([400, 'InvalidRequestBody']);
  });

  it('checks ids like the service', async () => {
    const long = await call('POST', '/jobs', { body: JSON.stringify({ id: 'j'.repeat(65), poolInfo: { poolId: 'raw-pool' } }) });
    expect([long.status, errorOf(long).code, detail(long, 'PropertyName')]).toEqual([400, 'InvalidPropertyValue', 'id']);
    const chars = await call('POST', '/jobs', { body: JSON.stringify({ id: 'a.b', poolInfo: { poolId: 'raw-pool' } }) });
    expect(chars.status).toBe(400);
    const ok = await call('POST', '/jobs', { body: JSON.stringify({ id: 'J'.repeat(64), poolInfo: { poolId: 'raw-pool' } }) });
    expect(ok.status).toBe(201);
    const sameIgnoringCase = await call('GET', `/jobs/${'j'.repeat(64)}`);
    expect(sameIgnoringCase.json().id).toBe('J'.repeat(64));
  });

  it('refuses a body over 1 MB with 413 RequestBodyTooLarge', async () => {
    const big = JSON.stringify({ id: 'big', commandLine: 'x'.repeat(1024 * 1024 + 10) });
    const res = await call('POST', '/jobs/raw-job/tasks', { body: big });
    expect([res.status, errorOf(res).code]).toEqual([413, 'RequestBodyTooLarge']);
    expect((await call('GET', '/jobs/raw-job')).status).toBe(200);
  });

  it('accepts enum values in any case and answers in camelCase', async () => {
    const pool = (await call('GET', '/pools/raw-pool')).json();
    expect(pool.taskSchedulingPolicy).toEqual({ nodeFillType: 'pack' });
    expect(pool.vmSize).toBe('standard_a1');
    const bad = await call('POST', '/jobs', { body: JSON.stringify({ id: 'j4', poolInfo: { poolId: 'raw-pool' }, onAllTasksComplete: 'sometimes' }) });
    expect([bad.status, detail(bad, 'PropertyName')]).toEqual([400, 'onAllTasksComplete']);
    const good = await call('POST', '/jobs', { body: JSON.stringify({ id: 'j5', poolInfo: { poolId: 'raw-pool' }, onAllTasksComplete: 'TERMINATEJOB' }) });
    expect(good.status).toBe(201);
    expect((await call('GET', '/jobs/j5')).json().onAllTasksComplete).toBe('terminateJob');
  });
});

describe('protocol', () => {
  it('speaks only api-version 2022-10-01.16.0', async () => {
    const wrong = await call('GET', '/pools', { apiVersion: '2023-05-01.17.0' });
    expect([wrong.status, errorOf(wrong).code]).toEqual([400, 'UnsupportedRequestVersion']);
    const none = await call('GET', '/pools', { apiVersion: false });
    expect([none.status, errorOf(none).code]).toEqual([400, 'MissingRequiredQueryParameter']);
  });

  it('answers adds with 201 and the service headers', async () => {
    const res = await call('POST', '/jobs/raw-job/tasks', {
      body: JSON.stringify({ id: 'hdr-task', commandLine: '/bin/true' }),
      headers: { 'client-request-id': '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0', 'return-client-request-id': 'true' },
    });
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect(res.headers.etag).toMatch(/^0x[0-9A-F]+$/);
    expect(Date.parse(String(res.headers['last-modified']))).not.toBeNaN();
    expect(res.headers.location).toBe(`http://127.0.0.1:${emulator.port}/jobs/raw-job/tasks/hdr-task`);
    expect(res.headers.dataserviceid).toBe(res.headers.location);
    expect(res.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['client-request-id']).toBe('9c4d50ee-2d56-4cd3-8152-34347dc9f2b0');
    const get = await call('GET', '/jobs/raw-job/tasks/hdr-task');
    expect(get.json().eTag).toBe(get.headers.etag);
  });

  it('routes like the service: 405 for a wrong verb, 400 for an unknown path, 501 for what is not emulated', async () => {
    expect((await call('PUT', '/pools')).status).toBe(405);
    const unknown = await call('GET', '/nothing-here');
    expect([unknown.status, errorOf(unknown).code]).toEqual([400, 'InvalidUri']);
    expect((await call('GET', '/certificates')).status).toBe(501);
    expect((await call('GET', '/pools/%E0%A4%A')).status).toBe(400);
  });

  it('validates list parameters', async () => {
    expect((await call('GET', '/jobs?maxresults=0')).status).toBe(400);
    expect((await call('GET', '/jobs?maxresults=1001')).status).toBe(400);
    const filter = await call('GET', `/jobs/raw-job/tasks?$filter=${encodeURIComponent("nodeColour eq 'x'")}`);
    expect([filter.status, errorOf(filter).code, detail(filter, 'QueryParameterName')]).toEqual([400, 'InvalidQueryParameterValue', '$filter']);
    const syntax = await call('GET', `/jobs?$filter=${encodeURIComponent("state eq 'active' and")}`);
    expect(syntax.status).toBe(400);
    const page = await call('GET', '/supportedimages?maxresults=2');
    expect((page.json().value as unknown[]).length).toBe(2);
    expect(String(page.json()['odata.nextLink'])).toContain('$skiptoken=');
  });

  it('answers 304 to an unmodified read and 412 to a write whose condition fails', async () => {
    const first = await call('GET', '/jobs/raw-job');
    const since = String(first.headers['last-modified']);
    const notModified = await call('GET', '/jobs/raw-job', { headers: { 'if-modified-since': since } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const noneMatch = await call('GET', '/jobs/raw-job', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(noneMatch.status).toBe(304);
    const past = new Date(Date.parse(since) - 60_000).toUTCString();
    const stale = await call('PATCH', '/jobs/raw-job', { body: JSON.stringify({ priority: 5 }), headers: { 'if-unmodified-since': past } });
    expect([stale.status, errorOf(stale).code]).toEqual([412, 'ConditionNotMet']);
    const badMatch = await call('PUT', '/jobs/raw-job', { body: JSON.stringify({ poolInfo: { poolId: 'raw-pool' } }), headers: { 'if-match': '0x1' } });
    expect(badMatch.status).toBe(412);
    const star = await call('PATCH', '/jobs/raw-job', { body: JSON.stringify({ priority: 5 }), headers: { 'if-match': '*' } });
    expect(star.status).toBe(200);
    const changed = await call('GET', '/jobs/raw-job', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(changed.status).toBe(200);
    expect(changed.json().priority).toBe(5);
  });

  it('answers HEAD without a body', async () => {
    const present = await call('HEAD', '/pools/raw-pool');
    expect([present.status, present.text]).toEqual([200, '']);
    const absent = await call('HEAD', '/pools/nope');
    expect([absent.status, absent.text]).toEqual([404, '']);
  });

  it('serves files with ocp-batch-file headers, FileNotFound and InvalidRange', async () => {
    await waitFor(async () => (await call('GET', '/jobs/raw-job/tasks/hdr-task')).json().state === 'completed', 15_000, 'task completion');
    const head = await call('HEAD', '/jobs/raw-job/tasks/hdr-task/files/stdout.txt');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('0');
    expect(head.headers['ocp-batch-file-isdirectory']).toBe('false');
    expect(head.headers['ocp-batch-file-url']).toMatch(/\/jobs\/raw-job\/tasks\/hdr-task\/files\/stdout\.txt$/);
    expect(head.headers['ocp-creation-time']).toBeDefined();
    const missing = await call('GET', '/jobs/raw-job/tasks/hdr-task/files/nope.txt');
    expect([missing.status, errorOf(missing).code]).toEqual([404, 'FileNotFound']);
    const escape = await call('GET', '/jobs/raw-job/tasks/hdr-task/files/..%2F..%2F..%2Faccount.key');
    expect(escape.status).toBe(404);
    await call('POST', '/jobs/raw-job/tasks', { body: JSON.stringify({ id: 'echo', commandLine: '/bin/sh -c "printf 0123456789"' }) });
    await waitFor(async () => (await call('GET', '/jobs/raw-job/tasks/echo')).json().state === 'completed', 15_000, 'echo task');
    const range = await call('GET', '/jobs/raw-job/tasks/echo/files/stdout.txt', { headers: { 'ocp-range': 'bytes=20-30' } });
    expect([range.status, errorOf(range).code]).toEqual([416, 'InvalidRange']);
    const tail = await call('GET', '/jobs/raw-job/tasks/echo/files/stdout.txt', { headers: { 'ocp-range': 'bytes=-3' } });
    expect([tail.status, tail.text, tail.headers['content-length']]).toEqual([200, '789', '3']);
  });

  it('survives garbage', async () => {
    for (const body of ['null', '"text"', '{"id":{"$gt":1}}', '{'.repeat(5000), '\u0000\u0001']) {
      const res = await call('POST', '/pools', { body });
      expect(res.status).toBe(400);
    }
    expect((await call('GET', '/pools/raw-pool')).status).toBe(200);
  });
});

describe('authentication', () => {
  it('refuses a request without Authorization with 401', async () => {
    const res = await call('GET', '/pools', { sign: false });
    expect([res.status, errorOf(res).code]).toEqual([401, 'AuthenticationFailed']);
  });

  it('refuses a wrong signature with 403 AuthenticationFailed', async () => {
    const res = await call('GET', '/pools', { sign: Buffer.alloc(32, 1).toString('base64') });
    expect([res.status, errorOf(res).code]).toEqual([403, 'AuthenticationFailed']);
  });

  it('refuses a request whose signed parts were altered or whose date is stale', async () => {
    const stale = await call('GET', '/pools', { headers: { 'ocp-date': new Date(Date.now() - 3_600_000).toUTCString() } });
    expect(stale.status).toBe(403);
    const bearer = await call('GET', '/pools', { sign: false, headers: { authorization: 'Bearer abc' } });
    expect(bearer.status).toBe(401);
    const wrongAccount = await call('GET', '/pools', { sign: false, headers: { authorization: 'SharedKey someone:AAAA' } });
    expect(wrongAccount.status).toBe(403);
  });
});
