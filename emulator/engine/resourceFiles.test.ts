import { describe, expect, it } from 'vitest';
import { resourceFileProblem } from './resourceFiles.js';

describe('resource file rules', () => {
  it('accepts one source with a fitting filePath', () => {
    expect(resourceFileProblem({ httpUrl: 'http://h/f', filePath: 'f.txt', fileMode: '0644' })).toBeUndefined();
    expect(resourceFileProblem({ storageContainerUrl: 'http://h/c?sig=x', blobPrefix: 'in/' })).toBeUndefined();
    expect(resourceFileProblem({ autoStorageContainerName: 'c', filePath: 'inputs/' })).toBeUndefined();
  });

  it('needs exactly one source', () => {
    expect(resourceFileProblem({})).toMatch(/Exactly one/);
    expect(resourceFileProblem({ httpUrl: 'http://h/f', autoStorageContainerName: 'c', filePath: 'f' })).toMatch(/Exactly one/);
  });

  it('needs filePath with httpUrl and refuses blobPrefix there', () => {
    expect(resourceFileProblem({ httpUrl: 'http://h/f' })).toMatch(/filePath is required/);
    expect(resourceFileProblem({ httpUrl: 'http://h/f', filePath: 'f', blobPrefix: 'p' })).toMatch(/blobPrefix/);
  });

  it('keeps filePath inside the working directory and fileMode octal', () => {
    for (const filePath of ['../f', 'a/../../f', '/etc/passwd', 'C:\\x']) {
      expect(resourceFileProblem({ httpUrl: 'http://h/f', filePath }), filePath).toMatch(/stay inside/);
    }
    expect(resourceFileProblem({ httpUrl: 'http://h/f', filePath: 'f', fileMode: '0999' })).toMatch(/octal/);
    expect(resourceFileProblem({ httpUrl: 'http://h/f', filePath: 'f', fileMode: 'rwx' })).toMatch(/octal/);
  });
});
