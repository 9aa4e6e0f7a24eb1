import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createDispatcher } from './dispatch';
import { handlersWith } from './testing';
import { toErrorShape } from './errors';

const info = { name: 'Batch Lens', version: '0.0.1', platform: 'linux', transport: 'web' as const };

describe('dispatcher', () => {
  it('answers a known call with parsed arguments', async () => {
    const dispatch = createDispatcher(handlersWith({ 'app.info': async () => info }));
    await expect(dispatch('app.info', {})).resolves.toEqual({ ok: true, value: info });
    await expect(dispatch('app.info', undefined)).resolves.toEqual({ ok: true, value: info });
  });

  it('refuses unknown names and bad arguments with the shared shape', async () => {
    const dispatch = createDispatcher(handlersWith({ 'app.info': async () => info }));
    await expect(dispatch('app.nope', {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownCall', status: 404 } });
    await expect(dispatch(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
    await expect(dispatch('app.info', 'text')).resolves.toMatchObject({ ok: false, error: { code: 'BadRequest', status: 400 } });
  });

  it('maps thrown errors without leaking stacks', async () => {
    const dispatch = createDispatcher(handlersWith({
      'app.info': async () => {
        throw new Error('disk on fire');
      },
    }));
    const answer = await dispatch('app.info', {});
    expect(answer).toEqual({ ok: false, error: { code: 'InternalError', message: 'disk on fire' } });
  });
});

describe('toErrorShape', () => {
  it('keeps AppError fields', () => {
    expect(toErrorShape(new AppError({ code: 'PoolNotFound', message: 'gone', status: 404, details: { id: 'p' } }))).toEqual({
      code: 'PoolNotFound',
      message: 'gone',
      status: 404,
      details: { id: 'p' },
    });
  });

  it("keeps the service's own code and message from SDK errors", () => {
    const rest = Object.assign(new Error('Operation returned 403'), {
      statusCode: 403,
      code: 'AuthenticationFailed',
      body: { code: 'AuthenticationFailed', message: { lang: 'en-US', value: 'Server failed to authenticate the request.' } },
    });
    expect(toErrorShape(rest)).toEqual({
      code: 'AuthenticationFailed',
      message: 'Server failed to authenticate the request.',
      status: 403,
    });
  });

  it('turns non-errors into an internal error', () => {
    expect(toErrorShape('boom')).toEqual({ code: 'InternalError', message: 'Unexpected error' });
  });
});
