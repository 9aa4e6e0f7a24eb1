import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { queryClient } from './api/query-client';
import { selectTransport } from './api/transport';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = createClient(selectTransport(window));

createRoot(container).render(
  <StrictMode>
    <App client={client} queryClient={queryClient} />
  </StrictMode>,
);
