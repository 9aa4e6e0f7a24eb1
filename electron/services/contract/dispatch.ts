import { calls, isCallName, type CallName, type CallResult, type ParsedArgs } from '../../../shared/contract';
import { ErrorCodes, type Envelope } from '../../../shared/errors';
import { toErrorShape } from './errors';

/** The implementation of every contract call, typed from the contract. */
export type Handlers = { [N in CallName]: (args: ParsedArgs<N>) => Promise<CallResult<N>> };

/** Answers one call from an untrusted caller: any name, any arguments. */
export type Dispatch = (name: unknown, args: unknown) => Promise<Envelope<unknown>>;

/** Builds the single path every call takes: known name, schema-parsed arguments, errors in the shared shape. */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, rawArgs) => {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: { code: ErrorCodes.unknownCall, message: `Unknown call: ${String(name).slice(0, 100)}`, status: 404 },
      };
    }
    try {
      const args = calls[name].args.parse(rawArgs === undefined ? {} : rawArgs);
      const handler = handlers[name] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(args) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
}
