import type { Account } from '../engine/account.js';
import { Router, type Route } from '../http/router.js';
import { accountRoutes, unsupportedRoutes } from './account.js';
import { applicationRoutes } from './applications.js';
import { fileRoutes } from './files.js';
import { jobRoutes } from './jobs.js';
import { jobScheduleRoutes } from './jobSchedules.js';
import { nodeRoutes } from './nodes.js';
import { poolRoutes } from './pools.js';
import { taskRoutes } from './tasks.js';

/** Every operation the emulator answers, bound to an account, plus `extra` routes (the admin endpoints). */
export function createRouter(account: Account, extra: readonly Route[] = []): Router {
  return new Router([
    ...extra,
    ...poolRoutes(account),
    ...nodeRoutes(account),
    ...jobRoutes(account),
    ...jobScheduleRoutes(account),
    ...taskRoutes(account),
    ...fileRoutes(account),
    ...accountRoutes(account),
    ...applicationRoutes(account),
    ...unsupportedRoutes(),
  ]);
}
