/** The one error shape that crosses the main↔renderer boundary, over IPC and over the web host alike. */
export interface AppErrorShape {
  code: string;
  message: string;
  status?: number;
  details?: unknown;
}

/** Well-known codes produced by the app itself; service errors keep the service's own code. */
export const ErrorCodes = {
  badRequest: 'BadRequest',
  unknownCall: 'UnknownCall',
  forbiddenSender: 'ForbiddenSender',
  internal: 'InternalError',
  transport: 'TransportError',
} as const;

/** An Error that carries the shared shape, so callers can `catch` and still read code and status. */
export class AppError extends Error implements AppErrorShape {
  readonly code: string;
  readonly status?: number;
  readonly details?: unknown;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
    if (shape.status !== undefined) this.status = shape.status;
    if (shape.details !== undefined) this.details = shape.details;
  }

  /** The plain-JSON form, safe to send across a process boundary. */
  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: this.message };
    if (this.status !== undefined) out.status = this.status;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }
}

/** True when a value already has the shared error shape (e.g. after JSON decoding). */
export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** What every call answers with on the wire: the value, or the shared error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
