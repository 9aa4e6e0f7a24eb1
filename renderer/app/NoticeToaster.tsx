import { Link, Toast, ToastTitle, ToastTrigger, Toaster, useId, useToastController } from '@fluentui/react-components';
import { useContractEvent } from '../api/events';
import { JobNotificationToasts } from '../views/jobs/JobNotificationToasts';
import { noticeToast } from './notice-toast';

/** Shows every `app.notice` pushed by main (and, in the browser, job notifications) as a Fluent toast; mount once, at the app root. */
export function NoticeToaster() {
  const toasterId = useId('notices');
  const { dispatchToast } = useToastController(toasterId);
  useContractEvent('app.notice', (payload) => {
    const toast = noticeToast(payload);
    if (!toast) return;
    // A toast that never times out needs a way to close it.
    const dismiss =
      toast.timeout < 0 ? (
        <ToastTrigger>
          <Link>Dismiss</Link>
        </ToastTrigger>
      ) : undefined;
    dispatchToast(
      <Toast>
        <ToastTitle action={dismiss}>{toast.message}</ToastTitle>
      </Toast>,
      { intent: toast.intent, timeout: toast.timeout, politeness: toast.politeness },
    );
  });
  // Lifted clear of the status bar so the version and transport stay readable while toasts show.
  return (
    <>
      <Toaster toasterId={toasterId} position="bottom-end" offset={{ vertical: 36 }} />
      <JobNotificationToasts toasterId={toasterId} />
    </>
  );
}
