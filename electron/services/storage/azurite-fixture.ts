// Test fixture: Azurite in memory as the local account's linked storage, and the storage service over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type LocalStorage } from '../../../emulator/storage/azurite';
import type { AccountsService } from '../accounts/service';
import { createDispatcher, type Dispatch, type Handlers } from '../contract/dispatch';
import { EventBus, type PushedEvent } from '../events';
import type { ChooseDownloadTarget } from '../files/download/service';
import { storageService, type StorageService } from './handlers';
import { LinkedStorageResolver } from './linked';

/** A running Azurite, the storage service for the `local` account over it, and the events it pushed. */
export interface StorageFixture {
  dir: string;
  azurite: LocalStorage;
  events: EventBus;
  pushed: PushedEvent[];
  service: StorageService;
  /** Makes one contract call through the real dispatcher (schemas included); throws the error shape on failure. */
  call<T = unknown>(name: string, args: unknown): Promise<T>;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** A resolver that knows only the local account, backed by `azurite`. */
export function localResolver(azurite: LocalStorage, events?: EventBus): LinkedStorageResolver {
  return new LinkedStorageResolver({
    account: async () => ({ kind: 'local', displayName: 'Local emulator' }),
    localStorage: () => azurite,
    arm: () => {
      throw new Error('no ARM in this test');
    },
    tokenCredential: () => {
      throw new Error('no Entra ID in this test');
    },
    ...(events ? { events } : {}),
  });
}

/** Starts Azurite in memory and the storage service over it; `accounts` is needed for task outputs only. */
export async function startStorageFixture(options: { accounts?: AccountsService; chooseTarget?: ChooseDownloadTarget; azurite?: LocalStorage } = {}): Promise<StorageFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'bl-storage-'));
  const azurite = options.azurite ?? (await startAzurite({ dataDir: join(dir, 'azurite'), inMemory: true }));
  const events = new EventBus();
  const pushed: PushedEvent[] = [];
  events.listen((event) => pushed.push(event));
  const service = storageService({
    accounts: options.accounts ?? ({} as AccountsService),
    events,
    localStorage: () => azurite,
    resolver: localResolver(azurite, events),
    ...(options.chooseTarget ? { chooseTarget: options.chooseTarget } : {}),
  });
  const dispatch = createDispatcher(service.handlers as Handlers);
  return {
    dir,
    azurite,
    events,
    pushed,
    service,
    dispatch,
    async call<T>(name: string, args: unknown): Promise<T> {
      const envelope = await dispatch(name, args);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    },
    close: async () => {
      service.dispose();
      if (!options.azurite) await azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
