import type { TransportKind } from '../../shared/models';
import { appInfo } from './app/info';
import { createDispatcher, type Dispatch, type Handlers } from './contract/dispatch';
import { EventBus } from './events';

export interface ServiceOptions {
  version: string;
  transport: TransportKind;
  /** Where the app keeps its state (Electron's userData, or the web host's --data). */
  dataDir: string;
}

export interface Services {
  dispatch: Dispatch;
  events: EventBus;
  dispose(): Promise<void>;
}

/** Creates every main-process service; the Electron shell and the web host both start here. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const events = new EventBus();
  const info = appInfo(options.version, options.transport);
  const handlers: Handlers = {
    'app.info': async () => info,
  };
  return {
    dispatch: createDispatcher(handlers),
    events,
    dispose: async () => {},
  };
}
