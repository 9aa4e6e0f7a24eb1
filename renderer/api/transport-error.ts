import { ErrorCodes, isAppErrorShape, type AppErrorShape, type Envelope } from '../../shared/errors';

/** Builds the shared error shape for a failure of the channel itself (not of the call). */
export function transportError(message: string, status?: number, details?: unknown): AppErrorShape {
  const shape: AppErrorShape = { code: ErrorCodes.transport, message };
  if (status !== undefined) shape.status = status;
  if (details !== undefined) shape.details = details;
  return shape;
}

/** Wraps a transport failure as an error envelope, so `Transport.invoke` never has to reject. */
export function transportFailure(message: string, status?: number, details?: unknown): Envelope<never> {
  return { ok: false, error: transportError(message, status, details) };
}

/** True when a decoded value has the envelope shape; anything else from the wire is a transport fault. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) return isAppErrorShape(v.error);
  return false;
}

/** A short, safe description of a thrown value for an error message. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error).slice(0, 200);
}
