import type { AccountsService } from '../accounts/service';
import type { Handlers } from '../contract/dispatch';
import type { EventBus } from '../events';
import { TaskIndexManager } from './manager';

/** The task index calls and the manager behind them (disposed with the services). */
export function taskIndexService(accounts: AccountsService, events: EventBus): { handlers: Pick<Handlers, 'taskIndex.window'>; manager: TaskIndexManager } {
  const manager = new TaskIndexManager({
    run: (accountId) => (work) => accounts.withClient(accountId, work),
    accountIds: async () => (await accounts.list()).map((a) => a.id),
    events,
  });
  return {
    manager,
    handlers: { 'taskIndex.window': (args) => manager.window(args) },
  };
}
