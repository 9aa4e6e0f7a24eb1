import { useNavigate } from 'react-router-dom';
import { isAppRoute } from '../../shared/app-route';
import { useContractEvent } from '../api/events';

/** Opens the app routes main asks for (a clicked OS notification); anything that is not an app route is ignored. */
export function useNavigateEvents(): void {
  const navigate = useNavigate();
  useContractEvent('app.navigate', ({ path }) => {
    if (isAppRoute(path)) void navigate(path);
  });
}
