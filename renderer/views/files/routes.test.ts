import { describe, expect, it } from 'vitest';
import { fileViewerPath, folderFromPathname, nodeFilesPath, parentFolder, taskFilesPath, taskLogsPath } from './routes';

describe('file routes', () => {
  it('build task and node file routes with the folder as path segments and the open file as ?file=', () => {
    expect(taskFilesPath('job-1', 'task-1')).toBe('/jobs/job-1/tasks/task-1/files');
    expect(taskFilesPath('job-1', 'task-1', 'wd/out', 'wd/out/result.txt')).toBe('/jobs/job-1/tasks/task-1/files/wd/out?file=wd%2Fout%2Fresult.txt');
    expect(nodeFilesPath('pool', 'tvm-1_2', 'startup')).toBe('/pools/pool/nodes/tvm-1_2/files/startup');
    expect(taskLogsPath('j', 't')).toBe('/jobs/j/tasks/t/logs');
  });

  it('encode every segment so any name survives a round trip through the URL', () => {
    const folder = 'a b/100%/x#y?z/%2F/ünï';
    const path = nodeFilesPath('p', 'n', folder, `${folder}/file name+&.txt`);
    const url = new URL(`http://host/#${path}`);
    const [pathname, search] = url.hash.slice(1).split('?');
    expect(folderFromPathname(pathname!)).toBe(folder);
    expect(new URLSearchParams(search).get('file')).toBe(`${folder}/file name+&.txt`);
  });

  it('read the root folder from a route without segments, ignoring a trailing slash', () => {
    expect(folderFromPathname('/jobs/j/tasks/t/files')).toBe('');
    expect(folderFromPathname('/jobs/j/tasks/t/files/wd/')).toBe('wd');
    expect(folderFromPathname('/pools/files/nodes/files/files/files')).toBe('files');
  });

  it('find the folder of a file path', () => {
    expect(parentFolder('stdout.txt')).toBe('');
    expect(parentFolder('wd/sub/x.log')).toBe('wd/sub');
  });

  it('open a file of a task or node in its own folder', () => {
    expect(fileViewerPath({ kind: 'task', jobId: 'j', taskId: 't' }, 'stderr.txt')).toBe('/jobs/j/tasks/t/files?file=stderr.txt');
    expect(fileViewerPath({ kind: 'node', poolId: 'p', nodeId: 'n' }, 'startup/stderr.txt')).toBe('/pools/p/nodes/n/files/startup?file=startup%2Fstderr.txt');
  });
});
