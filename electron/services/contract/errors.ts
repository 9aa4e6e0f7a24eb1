import { ZodError } from 'zod';
import { AppError, ErrorCodes, isAppErrorShape, type AppErrorShape } from '../../../shared/errors';

interface RestLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
  body?: unknown;
}

function serviceMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (typeof message === 'object' && message !== null) {
    const value = (message as { value?: unknown }).value;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Maps anything thrown by a handler to the shared error shape, keeping service codes and never leaking stacks. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof ZodError) {
    return {
      code: ErrorCodes.badRequest,
      message: error.issues
        .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
        .join('; '),
      status: 400,
      details: error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    };
  }
  if (error instanceof Error) {
    const rest = error as Error & RestLikeError;
    if (typeof rest.statusCode === 'number' || typeof rest.code === 'string') {
      const shape: AppErrorShape = {
        code: typeof rest.code === 'string' && rest.code ? rest.code : ErrorCodes.internal,
        message: serviceMessage(rest.body) ?? rest.message,
      };
      if (typeof rest.statusCode === 'number') shape.status = rest.statusCode;
      return shape;
    }
    return { code: ErrorCodes.internal, message: error.message || 'Unexpected error' };
  }
  if (isAppErrorShape(error)) return { code: error.code, message: error.message };
  return { code: ErrorCodes.internal, message: 'Unexpected error' };
}
