import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import type { Client } from '../api/client';
import { ClientProvider } from '../api/client-context';
import { ThemeProvider } from '../theme/ThemeProvider';
import { CurrentAccountProvider } from './CurrentAccountProvider';
import { Shell } from './Shell';

/** Props of App: the two app-wide singletons, passed in so a test or story can supply its own. */
export interface AppProps {
  client: Client;
  queryClient: QueryClient;
}

/** The provider stack (client → react-query → theme → current account → router) around the shell. */
export function App({ client, queryClient }: AppProps) {
  return (
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider>
          {/* Hash routing: neither app:// nor the web host serves index.html for deep paths, so the path stays in the hash. */}
          <CurrentAccountProvider>
            <HashRouter>
              <Shell />
            </HashRouter>
          </CurrentAccountProvider>
        </ThemeProvider>
      </QueryClientProvider>
    </ClientProvider>
  );
}
