import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useClient } from './client-context';
import { useContractEvent } from './events';
import { accountKeys, authKeys } from './keys';
import { newRequestId, signInRequests, type PendingSignIn } from './sign-in-requests';
import { openSignInUrl } from './sign-in-url';

/** What the page asks for when it starts a sign-in; the request id is made here. */
export interface SignInRequest {
  method: 'browser' | 'deviceCode';
  tenantId?: string;
  loginHint?: string;
}

/** The signed-in Microsoft Entra ID identities (`auth.identities`; no tokens). */
export function useIdentities() {
  const client = useClient();
  return useQuery({ queryKey: authKeys.identities(), queryFn: () => client.call('auth.identities', {}) });
}

/**
 * Signs in through the browser or a device code. The request is registered while it runs, so the device code and
 * the sign-in page main pushes for it reach this page's dialog.
 */
export function useSignIn() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: SignInRequest) => {
      const requestId = newRequestId();
      signInRequests.start({ requestId, method: request.method, ...(request.loginHint ? { loginHint: request.loginHint } : {}) });
      try {
        return await client.call('auth.signIn', { requestId, ...request });
      } finally {
        signInRequests.finish(requestId);
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.identities() }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]),
  });
}

/** Cancels a running sign-in (`auth.cancelSignIn`); the sign-in itself then fails with SignInCancelled. */
export function useCancelSignIn() {
  const client = useClient();
  return useMutation({ mutationFn: (requestId: string) => client.call('auth.cancelSignIn', { requestId }) });
}

/** Signs one identity out; main drops only that identity's cached tokens. */
export function useSignOut() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) => client.call('auth.signOut', { identityId }),
    onSuccess: (_result, identityId) => {
      queryClient.removeQueries({ queryKey: authKeys.discovery(identityId) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.identities() }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
    },
  });
}

/**
 * The Batch accounts one identity can see (`discovery.batchAccounts`): tenants, then subscriptions, then accounts.
 * Runs only while `enabled` (the picker is open) and never on its own schedule: it walks ARM and is slow.
 */
export function useDiscovery(identityId: string | undefined, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: authKeys.discovery(identityId ?? ''),
    queryFn: () => client.call('discovery.batchAccounts', { identityId: identityId ?? '' }),
    enabled: enabled && identityId !== undefined,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** The sign-ins this page is waiting for, re-rendering when one starts, gets a code, or ends. */
export function usePendingSignIns(): readonly PendingSignIn[] {
  return useSyncExternalStore(
    (listener) => signInRequests.subscribe(listener),
    () => signInRequests.current(),
  );
}

/**
 * Handles the sign-in events main pushes: device codes for our dialog, and (web host only) the https sign-in page
 * to open, which main cannot open itself there. Mount once, at the app root.
 */
export function useSignInEvents(): void {
  useContractEvent('auth.deviceCode', (notice) => {
    signInRequests.deviceCode(notice);
  });
  useContractEvent('auth.openUrl', ({ requestId, url }) => {
    if (!signInRequests.signInUrl(requestId, url)) return;
    openSignInUrl(url, (href, target, features) => window.open(href, target, features));
  });
}
