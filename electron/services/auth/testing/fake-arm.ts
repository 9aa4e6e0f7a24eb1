import { json, startHttpsServer, type FakeRequest, type FakeResponse, type RunningServer } from './https-server';
import { decodeJwt, type Claims } from './jwt';
import type { TestTls } from './test-tls';

/** A Batch account as the fake ARM stores it. */
export interface FakeArmAccount {
  name: string;
  resourceGroup: string;
  location: string;
  poolAllocationMode: 'BatchService' | 'UserSubscription';
  allowedAuthenticationModes?: string[];
  quotas?: { dedicatedCoreQuota: number; lowPriorityCoreQuota: number; poolQuota: number; activeJobAndJobScheduleQuota: number };
}

/** A subscription and the Batch accounts in it. */
export interface FakeArmSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state?: string;
  accounts: FakeArmAccount[];
}

/** A tenant and the users (object ids) who belong to it. */
export interface FakeArmTenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  memberOids: string[];
}

/** One request ARM answered, for assertions. */
export interface ArmCall {
  path: string;
  tid?: string;
  oid?: string;
  status: number;
}

const ARM_AUDIENCE = 'https://management.azure.com';

function armError(status: number, code: string, message: string): FakeResponse {
  return json(status, { error: { code, message } });
}

/** A loopback Azure Resource Manager with tenants, subscriptions and Batch accounts, paged with nextLink. */
export class FakeArm {
  readonly calls: ArmCall[] = [];
  /** Paths whose requests are taken and never answered, as from a stalled ARM. */
  readonly stalled = new Set<string>();
  private server!: RunningServer;

  private constructor(
    private readonly tenants: FakeArmTenant[],
    private readonly subscriptions: FakeArmSubscription[],
    private readonly pageSize: number,
  ) {}

  /** Starts the fake; every list answers at most `pageSize` items per page. */
  static async start(
    tls: TestTls,
    data: { tenants: FakeArmTenant[]; subscriptions: FakeArmSubscription[] },
    pageSize = 1,
  ): Promise<FakeArm> {
    const arm = new FakeArm(data.tenants, data.subscriptions, pageSize);
    arm.server = await startHttpsServer(tls, (req) => {
      const call: ArmCall = { path: req.url.pathname, status: 0 };
      arm.calls.push(call);
      if (arm.stalled.has(call.path)) return new Promise<never>(() => undefined);
      const response = arm.handle(req, call);
      call.status = response.status;
      return response;
    });
    return arm;
  }

  get origin(): string {
    return this.server.origin;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: FakeRequest, call: ArmCall): FakeResponse {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!token) return armError(401, 'AuthenticationFailed', 'Authentication failed.');
    const claims: Claims = decodeJwt(token);
    if (claims.aud !== ARM_AUDIENCE || Number(claims.exp) * 1000 < Date.now()) {
      return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    }
    call.tid = String(claims.tid);
    call.oid = String(claims.oid);
    const path = req.url.pathname;
    if (path === '/tenants') {
      const mine = this.tenants.filter((tenant) => tenant.memberOids.includes(call.oid ?? ''));
      return this.page(req, mine.map((tenant) => this.tenantJson(tenant)));
    }
    if (path === '/subscriptions') {
      const mine = this.subscriptions.filter((subscription) => subscription.tenantId === call.tid);
      return this.page(
        req,
        mine.map(({ accounts: _accounts, ...subscription }) => ({
          id: `/subscriptions/${subscription.subscriptionId}`,
          ...subscription,
          state: subscription.state ?? 'Enabled',
        })),
      );
    }
    const match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Batch\/batchAccounts$/.exec(path);
    const subscription = this.subscriptions.find((candidate) => candidate.subscriptionId === match?.[1]);
    if (!match || !subscription) return armError(404, 'NotFound', 'No such resource.');
    if (subscription.tenantId !== call.tid) {
      return armError(401, 'InvalidAuthenticationTokenTenant', 'The access token is from the wrong issuer.');
    }
    return this.page(req, subscription.accounts.map((account) => this.accountJson(subscription.subscriptionId, account)));
  }

  private page(req: FakeRequest, items: unknown[]): FakeResponse {
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0');
    const body: { value: unknown[]; nextLink?: string } = { value: items.slice(skip, skip + this.pageSize) };
    if (skip + this.pageSize < items.length) {
      const next = new URL(req.url);
      next.searchParams.set('$skiptoken', String(skip + this.pageSize));
      body.nextLink = next.toString();
    }
    return json(200, body);
  }

  private tenantJson(tenant: FakeArmTenant) {
    return {
      id: `/tenants/${tenant.tenantId}`,
      tenantId: tenant.tenantId,
      displayName: tenant.displayName,
      defaultDomain: tenant.defaultDomain,
      tenantCategory: 'Home',
    };
  }

  private accountJson(subscriptionId: string, account: FakeArmAccount) {
    return {
      id: `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Batch/batchAccounts/${account.name}`,
      name: account.name,
      type: 'Microsoft.Batch/batchAccounts',
      location: account.location,
      properties: {
        accountEndpoint: `${account.name}.${account.location}.batch.azure.com`,
        provisioningState: 'Succeeded',
        poolAllocationMode: account.poolAllocationMode,
        publicNetworkAccess: 'Enabled',
        ...(account.allowedAuthenticationModes ? { allowedAuthenticationModes: account.allowedAuthenticationModes } : {}),
        ...(account.quotas ?? {}),
      },
    };
  }
}
