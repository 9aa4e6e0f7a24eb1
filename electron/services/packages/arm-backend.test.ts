// The ARM backend's logic over fake ARM operations, and the package calls of an Entra ID account through it.
import { strToU8, zipSync } from 'fflate';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ApplicationView, UploadPlan } from '../../../shared/models';
import { EventBus } from '../events';
import { UploadService } from '../transfers/uploads';
import { armPackagesBackend, type ArmApplication, type ArmPackage, type ArmPackageOps } from './arm-backend';
import { failure, packageCaller, ticketOf } from './test-fixture';

/** An in-memory stand-in for ARM: applications, their packages, and the zips sent to each SAS URL. */
class FakeArm implements ArmPackageOps {
  apps: ArmApplication[] = [];
  packages = new Map<string, ArmPackage[]>();
  zips = new Map<string, Buffer>();
  calls: string[] = [];
  failUpload = false;
  /** Set: ARM takes the listing request and never answers. */
  stalled = false;

  private pkgs(app: string): ArmPackage[] {
    const key = app.toLowerCase();
    if (!this.packages.has(key)) this.packages.set(key, []);
    return this.packages.get(key)!;
  }

  async listApplications() {
    if (this.stalled) return new Promise<never>(() => undefined);
    return this.apps.map((a) => ({ ...a }));
  }
  async listPackages(applicationId: string) {
    return this.pkgs(applicationId).map((p) => ({ ...p }));
  }
  async createApplication(applicationId: string) {
    this.calls.push(`createApplication ${applicationId}`);
    this.apps.push({ name: applicationId });
  }
  async createPackage(applicationId: string, version: string) {
    this.calls.push(`createPackage ${applicationId} ${version}`);
    this.pkgs(applicationId).push({ name: version, state: 'Pending' });
    return `https://store.blob.core.windows.net/app-${applicationId}/${version}?sig=secret`;
  }
  async activatePackage(applicationId: string, version: string) {
    const found = this.pkgs(applicationId).find((p) => p.name === version);
    if (!found) throw Object.assign(new Error('The specified application package does not exist.'), { statusCode: 404, code: 'ApplicationPackageNotFound' });
    Object.assign(found, { state: 'Active', format: 'zip', lastActivationTime: new Date('2026-01-02T03:04:05Z') });
  }
  async setDefaultVersion(applicationId: string, version: string) {
    const app = this.apps.find((a) => a.name.toLowerCase() === applicationId.toLowerCase());
    if (app) app.defaultVersion = version;
  }
  async deletePackage(applicationId: string, version: string) {
    this.calls.push(`deletePackage ${applicationId} ${version}`);
    this.packages.set(applicationId.toLowerCase(), this.pkgs(applicationId).filter((p) => p.name !== version));
  }
  async uploadZip(storageUrl: string, zip: Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of zip) chunks.push(chunk as Buffer);
    if (this.failUpload) throw Object.assign(new Error(`This request is not authorized: ${storageUrl}`), { statusCode: 403, code: 'AuthorizationFailure' });
    this.zips.set(storageUrl, Buffer.concat(chunks));
  }
}

function setup(requestTimeoutMs?: number) {
  const arm = new FakeArm();
  const uploads = new UploadService({ events: new EventBus() });
  const resolver = {
    linkedStorage: () => {
      throw new Error('no linked storage here');
    },
  };
  return { arm, uploads, call: packageCaller({ resolver, uploads, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) }, () => arm) };
}

let operations = 0;
const body = Buffer.from(zipSync({ 'run.sh': strToU8('echo hi') }));

async function send(s: ReturnType<typeof setup>, applicationId: string, version: string, bytes = body) {
  const plan = await s.call<UploadPlan>('packages.beginUpload', { accountId: 'entra', applicationId, version, size: bytes.length, operationId: `arm-op-${++operations}` });
  return s.uploads.receive(ticketOf(plan.uploads[0]?.url ?? ''), Readable.from([bytes]), new AbortController().signal);
}

describe('application packages through Azure Resource Manager', () => {
  it('creates a new application, then the version, and sends the zip to the SAS URL ARM answered', async () => {
    const s = setup();
    await send(s, 'render', '2.1');
    expect(s.arm.calls).toEqual(['createApplication render', 'createPackage render 2.1']);
    expect([...s.arm.zips.values()][0]?.equals(body)).toBe(true);
    const list = await s.call<ApplicationView[]>('packages.list', { accountId: 'entra' });
    expect(list).toEqual([{ id: 'render', versions: [{ version: '2.1', state: 'pending' }] }]);
  });

  it('reuses an existing application spelt differently, and refuses an existing version with 409', async () => {
    const s = setup();
    s.arm.apps.push({ name: 'Render', displayName: 'Renderer' });
    s.arm.packages.set('render', [{ name: '1.0', state: 'Active', format: 'zip' }]);
    await send(s, 'render', '2.0');
    expect(s.arm.calls).toEqual(['createPackage Render 2.0']);
    const clash = await failure(send(s, 'RENDER', '1.0'));
    expect(clash).toMatchObject({ code: 'VersionExists', status: 409 });
    expect(clash.message).toContain('1.0');
  });

  it('activates with the zip format, sets the default, and maps ARM failures to the shared shape', async () => {
    const s = setup();
    await send(s, 'tool', '1.0');
    const active = await s.call<ApplicationView>('packages.activate', { accountId: 'entra', applicationId: 'tool', version: '1.0' });
    expect(active.versions).toEqual([{ version: '1.0', state: 'active', format: 'zip', lastActivationTime: '2026-01-02T03:04:05.000Z' }]);
    const defaulted = await s.call<ApplicationView>('packages.setDefault', { accountId: 'entra', applicationId: 'tool', version: '1.0' });
    expect(defaulted.defaultVersion).toBe('1.0');
    expect(await failure(s.call('packages.activate', { accountId: 'entra', applicationId: 'tool', version: '9.0' }))).toMatchObject({
      code: 'ApplicationPackageNotFound',
      status: 404,
    });
    expect(await s.call('packages.deleteVersion', { accountId: 'entra', applicationId: 'tool', version: '1.0' })).toEqual({ deleted: true });
    expect((await s.call<ApplicationView[]>('packages.list', { accountId: 'entra' }))[0]?.versions).toEqual([]);
  });

  it('removes a version whose zip did not arrive, and never shows the SAS in the error', async () => {
    const s = setup();
    s.arm.failUpload = true;
    const failed = await failure(send(s, 'tool', '3.0'));
    expect(failed).toMatchObject({ code: 'AuthorizationFailure', status: 403 });
    expect(failed.message).not.toContain('sig=secret');
    expect(s.arm.calls).toEqual(['createApplication tool', 'createPackage tool 3.0', 'deletePackage tool 3.0']);
  });

  it('fails a call ARM never answers with ConnectionTimeout once its deadline passes', async () => {
    const s = setup(200);
    s.arm.stalled = true;
    expect(await failure(s.call('packages.list', { accountId: 'entra' }))).toMatchObject({
      code: 'ConnectionTimeout',
      status: 504,
      message: 'Azure Resource Manager did not answer within 200 ms',
    });
  });

  it('refuses a file that is not a zip before ARM creates anything', async () => {
    const s = setup();
    expect(await failure(send(s, 'tool', '4.0', Buffer.from('MZ this is an exe')))).toMatchObject({ code: 'NotAZipFile', status: 400 });
    expect(s.arm.calls).toEqual([]);
  });

  it('lists applications sorted case-insensitively with their versions sorted', async () => {
    const arm = new FakeArm();
    arm.apps = [{ name: 'zeta' }, { name: 'Alpha', defaultVersion: '1.0' }];
    arm.packages.set('alpha', [{ name: '2.0', state: 'Pending' }, { name: '1.0', state: 'Active' }]);
    const list = await armPackagesBackend(arm).list();
    expect(list.map((a) => a.id)).toEqual(['Alpha', 'zeta']);
    expect(list[0]).toMatchObject({ defaultVersion: '1.0', versions: [{ version: '1.0', state: 'active' }, { version: '2.0', state: 'pending' }] });
  });
});
