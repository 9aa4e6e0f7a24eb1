import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../shared/contract';
import { useClient } from './client-context';

/** Listens to one contract event while the calling component is mounted; the latest handler always runs. */
export function useContractEvent<E extends EventName>(event: E, onEvent: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const handle = useEffectEvent(onEvent);
  // Subscribe once per client/event; a new handler each render must not tear down the subscription.
  useEffect(() => client.on(event, (payload) => handle(payload)), [client, event]);
}
