import { z } from 'zod';
import type { AppInfo, Notice } from '../models';
import type { CallName, EventName } from './names';

export * from './names';

/** One call: the schema its `unknown` arguments are parsed with, and (as a type) what it answers. */
export interface CallSpec<Args extends z.ZodType, Result> {
  args: Args;
  /** Type-level only: never read at run time. */
  result?: Result;
}

function call<Result>() {
  return <Args extends z.ZodType>(args: Args): CallSpec<Args, Result> => ({ args });
}

const noArgs = z.object({}).strict();

/** Every call, defined once. The key set must equal CALL_NAMES exactly (checked by the compiler below). */
export const calls = {
  'app.info': call<AppInfo>()(noArgs),
} satisfies { [N in CallName]: CallSpec<z.ZodType, unknown> };

/** Every pushed event with its payload type (type-level only). */
export interface EventPayloads {
  'app.notice': Notice;
}

type Calls = typeof calls;
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> = NonNullable<Calls[N]['result']>;
export type EventPayload<E extends EventName> = EventPayloads[E];

// Compile-time proof that the event payload map and EVENT_NAMES list the same names.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const eventNamesMatch: Exact<keyof EventPayloads, EventName> = true;
