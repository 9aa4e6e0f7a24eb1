import type { Account } from '../engine/account.js';
import { Router } from '../http/router.js';
import { accountRoutes, unsupportedRoutes } from './account.js';
import { fileRoutes } from './files.js';
import { jobRoutes } from './jobs.js';
import { nodeRoutes } from './nodes.js';
import { poolRoutes } from './pools.js';
import { taskRoutes } from './tasks.js';

/** Every operation the emulator answers, bound to an account. */
export function createRouter(account: Account): Router {
  return new Router([
    ...poolRoutes(account),
    ...nodeRoutes(account),
    ...jobRoutes(account),
    ...taskRoutes(account),
    ...fileRoutes(account),
    ...accountRoutes(account),
    ...unsupportedRoutes(),
  ]);
}
