import { useQuery } from '@tanstack/react-query';
import { useClient } from './client-context';
import { appKeys } from './keys';

/** Name, version, platform and transport of the running app (`app.info`); fixed for the life of a run. */
export function useAppInfo() {
  const client = useClient();
  return useQuery({
    queryKey: appKeys.info(),
    queryFn: () => client.call('app.info', {}),
    staleTime: Infinity,
  });
}
