import { describe, expect, it } from 'vitest';
import { CLOUDS, DEFAULT_CLIENT_ID, batchScopeFor, isCloudId } from './clouds';

describe('clouds', () => {
  it('gives each cloud its own login host, ARM and Batch scope (with the double slash)', () => {
    expect(CLOUDS.public).toMatchObject({
      authorityHost: 'https://login.microsoftonline.com',
      armEndpoint: 'https://management.azure.com',
      armScope: 'https://management.azure.com/.default',
      batchResource: 'https://batch.core.windows.net/',
      batchScope: 'https://batch.core.windows.net//.default',
    });
    expect(CLOUDS.usGovernment).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      armScope: 'https://management.usgovcloudapi.net/.default',
      batchScope: 'https://batch.core.usgovcloudapi.net//.default',
    });
    expect(CLOUDS.china).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      armScope: 'https://management.chinacloudapi.cn/.default',
      batchScope: 'https://batch.chinacloudapi.cn//.default',
    });
    for (const cloud of Object.values(CLOUDS)) {
      expect(cloud.batchScope).toBe(batchScopeFor(cloud.batchResource));
      expect(cloud.batchResource.endsWith('/')).toBe(true);
      expect(cloud.authorityHost.endsWith('/')).toBe(false);
    }
  });

  it('defaults to the Azure CLI public client id, as Batch Explorer does', () => {
    expect(DEFAULT_CLIENT_ID).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
  });

  it('recognises only the built-in cloud ids', () => {
    expect(isCloudId('china')).toBe(true);
    expect(isCloudId('germany')).toBe(false);
    expect(isCloudId('toString')).toBe(false);
  });
});
