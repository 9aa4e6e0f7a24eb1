import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallArgs } from '../../shared/contract';
import { useClient } from './client-context';
import { accountKeys, authKeys, settingsKeys } from './keys';

/** Settings as main shows them (`settings.get`), including how secrets are stored; they change only through this app. */
export function useSettings() {
  const client = useClient();
  return useQuery({
    queryKey: settingsKeys.view(),
    queryFn: () => client.call('settings.get', {}),
    staleTime: Infinity,
  });
}

/**
 * Applies a settings change; main answers with the new view, which replaces the cached one. Identities depend on
 * the cloud and client id, and stored keys on the vault mode, so those are refetched too.
 */
export function useUpdateSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CallArgs<'settings.update'>) => client.call('settings.update', patch),
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKeys.view(), view);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
    },
  });
}
