import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { errorLine, errorText } from './error-text';

describe('errorText', () => {
  it('keeps the code and message of an AppError or a decoded error shape', () => {
    expect(errorText(new AppError({ code: 'PoolNotFound', message: 'No pool p1', status: 404 }))).toEqual({
      code: 'PoolNotFound',
      message: 'No pool p1',
    });
    expect(errorText({ code: 'ConnectionRefused', message: 'Nothing listens' })).toEqual({ code: 'ConnectionRefused', message: 'Nothing listens' });
  });

  it('never answers an empty message', () => {
    expect(errorText(new AppError({ code: 'X', message: '' })).message).not.toBe('');
    expect(errorText(new Error('  ')).message).not.toBe('');
    expect(errorText(undefined).message).not.toBe('');
    expect(errorText(new Error('boom'))).toEqual({ message: 'boom' });
  });
});

describe('errorLine', () => {
  it('prefixes the code unless the message names it already', () => {
    expect(errorLine(new AppError({ code: 'MalformedUrl', message: 'Malformed account URL "x"' }))).toBe('MalformedUrl: Malformed account URL "x"');
    expect(errorLine(new AppError({ code: 'AuthenticationFailed', message: 'refused (AuthenticationFailed): check the key' }))).toBe(
      'refused (AuthenticationFailed): check the key',
    );
    expect(errorLine(new Error('plain'))).toBe('plain');
  });
});

describe('service detail values', () => {
  it('lists the key/value pairs the service sent with an error', () => {
    const error = { code: 'InvalidPropertyValue', message: 'Invalid', details: { values: [{ key: 'PropertyName', value: 'vmSize' }] } };
    expect(errorText(error)).toEqual({ code: 'InvalidPropertyValue', message: 'Invalid', details: ['PropertyName: vmSize'] });
    expect(errorText({ code: 'X', message: 'y', details: { other: 1 } })).toEqual({ code: 'X', message: 'y' });
  });
});
