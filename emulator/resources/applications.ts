// The data plane's view of application packages: applications with their active versions only, as
// the service documents for Application_List and Application_Get.
import type { Account } from '../engine/account.js';
import { notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { linkedAppPackages, type AppPackageInfo } from '../storage/app-packages.js';
import { sendList } from './listing.js';

interface ApplicationSummary {
  id: string;
  displayName: string;
  versions: string[];
}

async function available(account: Account): Promise<ApplicationSummary[]> {
  const storage = account.config.storage;
  if (!storage) return [];
  const apps: AppPackageInfo[] = await linkedAppPackages(storage).list();
  return apps
    .map((app) => ({ id: app.id, displayName: app.displayName ?? app.id, versions: app.versions.filter((v) => v.state === 'active').map((v) => v.version) }))
    .filter((app) => app.versions.length > 0);
}

/** GET /applications and GET /applications/{applicationId}. */
export function applicationRoutes(account: Account): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/applications',
      body: 'none',
      handler: async (ctx) => {
        const apps = await available(account);
        const keyed = apps.map((app): [string, ApplicationSummary] => [app.id.toLowerCase(), app]);
        sendList(ctx, {
          entries: (after) => keyed.filter(([key]) => after === undefined || key > after),
          fields: {},
          toWire: (app) => ({ ...app }),
          entitySet: 'applications',
        });
      },
    },
    {
      method: 'GET',
      pattern: '/applications/:applicationId',
      body: 'none',
      handler: async (ctx) => {
        const id = (ctx.params.applicationId ?? '').toLowerCase();
        const app = (await available(account)).find((a) => a.id.toLowerCase() === id);
        if (!app) throw notFound('ApplicationNotFound');
        ctx.json(200, { 'odata.metadata': `${ctx.base}/$metadata#applications/@Element`, ...app });
      },
    },
  ];
}
