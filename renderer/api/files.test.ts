import { describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import { fileApi, listArgs, newOperationId, startBrowserDownload, type FileSource } from './files';
import { fileKeys } from './keys';

const task: FileSource = { kind: 'task', jobId: 'j', taskId: 't' };
const node: FileSource = { kind: 'node', poolId: 'p', nodeId: 'n' };

/** A client that records calls and answers each with `{ name }`. */
function recordingClient() {
  const calls: { name: string; args: unknown }[] = [];
  return {
    calls,
    call: <N extends CallName>(name: N, args: CallArgs<N>) => {
      calls.push({ name, args });
      return Promise.resolve({ name } as unknown as CallResult<N>);
    },
  };
}

describe('file calls', () => {
  it('list one folder non-recursively with the largest page, leaving out an empty prefix', () => {
    expect(listArgs('a', task, 'wd')).toEqual({ accountId: 'a', source: task, path: 'wd', maxResults: 1000 });
    expect(listArgs('a', node, '', 'next', 'std')).toEqual({ accountId: 'a', source: node, path: '', maxResults: 1000, prefix: 'std', continuation: 'next' });
  });

  it('bind every call to the account and source', async () => {
    const client = recordingClient();
    const api = fileApi(client, 'acc', node);
    await api.list('startup', undefined, 'std');
    await api.properties('startup/stdout.txt');
    await api.read('startup/stdout.txt', 10, 20);
    await api.find('startup/stdout.txt', { query: 'x', fromOffset: 5, direction: 'backward', matchCase: true });
    expect(client.calls).toEqual([
      { name: 'files.list', args: { accountId: 'acc', source: node, path: 'startup', maxResults: 1000, prefix: 'std' } },
      { name: 'files.properties', args: { accountId: 'acc', source: node, path: 'startup/stdout.txt' } },
      { name: 'files.read', args: { accountId: 'acc', source: node, path: 'startup/stdout.txt', offset: 10, length: 20 } },
      {
        name: 'files.find',
        args: { accountId: 'acc', source: node, path: 'startup/stdout.txt', query: 'x', fromOffset: 5, direction: 'backward', matchCase: true },
      },
    ]);
  });
});

describe('fileKeys', () => {
  it('nest listings and files under their source, keeping sources, folders and prefixes apart', () => {
    const prefix = fileKeys.source('a', task);
    expect(fileKeys.list('a', task, 'wd', '').slice(0, prefix.length)).toEqual([...prefix]);
    expect(fileKeys.tail('a', task, 'stderr.txt', 30).slice(0, prefix.length)).toEqual([...prefix]);
    expect(fileKeys.properties('a', task, 'x').slice(0, fileKeys.file('a', task, 'x').length)).toEqual([...fileKeys.file('a', task, 'x')]);
    expect(fileKeys.source('a', task)).not.toEqual(fileKeys.source('a', { kind: 'task', jobId: 'j', taskId: 'u' }));
    expect(fileKeys.source('a', task)).not.toEqual(fileKeys.source('a', node));
    expect(fileKeys.list('a', task, 'wd', '')).not.toEqual(fileKeys.list('a', task, 'wd', 'x'));
    expect(fileKeys.list('a', task, 'wd', '')).not.toEqual(fileKeys.list('a', task, '', ''));
  });
});

describe('downloads', () => {
  it('make operation ids the contract accepts', () => {
    expect(newOperationId()).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(newOperationId()).not.toBe(newOperationId());
    expect(newOperationId((b) => b.fill(171))).toBe(`dl-${'ab'.repeat(12)}`);
  });

  it('start a browser download by clicking a temporary anchor', () => {
    const events: string[] = [];
    const anchor = { href: '', download: '', rel: '', style: { display: '' }, click: () => events.push(`click ${anchor.href} ${anchor.download}`), remove: () => events.push('remove') };
    const doc = { createElement: () => anchor, body: { append: () => events.push('append') } } as unknown as Document;
    startBrowserDownload('/download/ticket', 'stdout.txt', doc);
    expect(events).toEqual(['append', 'click /download/ticket stdout.txt', 'remove']);
  });
});
