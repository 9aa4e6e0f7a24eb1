import { Link, Toast, ToastBody, ToastTitle, ToastTrigger, useToastController } from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';
import { useClient } from '../../api/client-context';
import { useContractEvent } from '../../api/events';
import { useCurrentAccount } from '../../app/CurrentAccountProvider';
import { monitorToast, showsMonitorToasts } from './monitor-toast';

/** How long a job notification stays on screen. */
const TOAST_MS = 10_000;

/**
 * Under the web host, shows each `monitor.notification` (a job completed, or its first task failed) as a toast
 * whose link switches to the job's account and opens the job. Renders nothing itself; toasts go to `toasterId`.
 */
export function JobNotificationToasts({ toasterId }: { toasterId: string }) {
  const client = useClient();
  const navigate = useNavigate();
  const { accountId, select } = useCurrentAccount();
  const { dispatchToast } = useToastController(toasterId);
  useContractEvent('monitor.notification', (payload) => {
    if (!showsMonitorToasts(client.kind)) return;
    const toast = monitorToast(payload);
    if (!toast) return;
    const open = (path: string) => {
      if (toast.accountId !== accountId) select(toast.accountId);
      navigate(path);
    };
    dispatchToast(
      <Toast data-testid="job-notification">
        <ToastTitle
          action={
            <>
              <ToastTrigger>
                <Link onClick={() => open(toast.path)}>Open job</Link>
              </ToastTrigger>
              {toast.link ? (
                <ToastTrigger>
                  <Link onClick={() => open(toast.link ?? toast.path)} data-testid="open-outputs">
                    Open outputs
                  </Link>
                </ToastTrigger>
              ) : null}
            </>
          }
        >
          {toast.title}
        </ToastTitle>
        {toast.body ? <ToastBody>{toast.body}</ToastBody> : null}
      </Toast>,
      { intent: toast.intent, timeout: TOAST_MS, politeness: toast.intent === 'error' ? 'assertive' : 'polite' },
    );
  });
  return null;
}
