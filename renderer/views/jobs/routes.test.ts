import { describe, expect, it } from 'vitest';
import { jobPath, nodePath, poolPath, taskPath } from './routes';

describe('entity routes', () => {
  it('builds the documented hash routes', () => {
    expect(jobPath('job-1')).toBe('/jobs/job-1');
    expect(taskPath('job-1', 't_2')).toBe('/jobs/job-1/tasks/t_2');
    expect(poolPath('p1')).toBe('/pools/p1');
    expect(nodePath('p1', 'tvm-1')).toBe('/pools/p1/nodes/tvm-1');
  });

  it('encodes ids so a strange one cannot change the route', () => {
    expect(nodePath('p 1', 'a/b')).toBe('/pools/p%201/nodes/a%2Fb');
    expect(jobPath('new?x=1')).toBe('/jobs/new%3Fx%3D1');
  });
});
