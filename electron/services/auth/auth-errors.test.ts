import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { signInError, silentError } from './auth-errors';

const SECRET = 'eyJ0eXAiOiJKV1QifQ.eyJzZWNyZXQiOiJ5ZXMifQ.';

describe('auth error mapping', () => {
  it('turns interaction-required and rejected refreshes into SignInNeeded', () => {
    const interaction = silentError(new InteractionRequiredAuthError('invalid_grant', 'c', `AADSTS700082: expired ${SECRET}`), 'a@x');
    expect(interaction.toJSON()).toEqual({
      code: 'SignInNeeded',
      message: 'Sign-in needed for a@x.',
      status: 401,
      details: { reason: 'invalid_grant AADSTS700082' },
    });
    expect(JSON.stringify(interaction.toJSON())).not.toContain(SECRET);
    expect(silentError(new AuthError('no_tokens_found', 'c'), 'a@x').code).toBe('SignInNeeded');
  });

  it('keeps network failures and 5xx apart as IdentityProviderUnreachable', () => {
    expect(silentError(new AuthError('network_error', 'c', 'ECONNREFUSED'), 'a@x').code).toBe('IdentityProviderUnreachable');
    const busy = new ServerError('temporarily_unavailable', 'c', 'busy', undefined, undefined, 503);
    expect(silentError(busy, 'a@x').code).toBe('IdentityProviderUnreachable');
  });

  it('maps sign-in failures to Cancelled, Unreachable or Failed without free text', () => {
    expect(signInError(new AuthError('user_canceled', 'c')).code).toBe('SignInCancelled');
    expect(signInError(new AuthError('device_code_polling_cancelled', 'c')).code).toBe('SignInCancelled');
    expect(signInError(new AuthError('network_error', 'c')).code).toBe('IdentityProviderUnreachable');
    const refused = signInError(new ServerError('invalid_client', 'c', `AADSTS700016: app not found ${SECRET}`));
    expect(refused.code).toBe('SignInFailed');
    expect(refused.message).toBe('Sign-in failed (invalid_client AADSTS700016).');
    expect(JSON.stringify(refused.toJSON())).not.toContain(SECRET);
    expect(signInError(new Error(SECRET)).message).toBe('Sign-in failed.');
  });
});
