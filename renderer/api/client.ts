import type { CallArgs, CallName, CallResult, EventName, EventPayload } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { TransportKind } from '../../shared/models';
import type { Transport } from '../../shared/transport';
import { describeFailure, isEnvelope, transportError } from './transport-error';

/** The renderer's one typed door to main: contract calls and contract events. */
export interface Client {
  readonly kind: TransportKind;
  /** Makes one call; resolves with its value or throws the AppError from the envelope. */
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>>;
  /** Listens to one event; the returned function stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Sends one file's bytes to a single-use upload URL that main handed out (`storage.beginUpload`, `packages.beginUpload`). */
  upload(url: string, body: Blob, signal?: AbortSignal): Promise<void>;
}

/** Builds the typed client over a transport; the contract types do the checking, main does the validating. */
export function createClient(transport: Transport): Client {
  return {
    kind: transport.kind,
    async call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
      let envelope: unknown;
      try {
        envelope = await transport.invoke(name, args);
      } catch (error) {
        throw new AppError(transportError(`Call ${name} failed: ${describeFailure(error)}`));
      }
      if (!isEnvelope(envelope)) throw new AppError(transportError(`Call ${name} answered without an envelope`));
      if (!envelope.ok) throw new AppError(envelope.error);
      return envelope.value as CallResult<N>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe(event, (payload) => listener(payload as EventPayload<E>));
    },
    upload: (url, body, signal) => transport.upload(url, body, signal),
  };
}
