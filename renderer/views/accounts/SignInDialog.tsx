import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DeviceCodeNotice } from '../../../shared/models';
import { useCancelSignIn, usePendingSignIns } from '../../api/auth';
import type { PendingSignIn } from '../../api/sign-in-requests';
import { isHttpsUrl } from '../../api/sign-in-url';
import { InlineError } from '../../components/InlineError';
import { useNow } from '../../components/use-now';
import { expiryText } from './sign-in-text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.1em',
    userSelect: 'all',
  },
  codeRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function SignInLink({ url, children }: { url: string; children: string }) {
  // Only https pages are ever offered as links; anything else is shown as text.
  if (!isHttpsUrl(url)) return <Text>{url}</Text>;
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </Link>
  );
}

function DeviceCode({ notice }: { notice: DeviceCodeNotice }) {
  const styles = useStyles();
  const now = useNow(15_000);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    // The Clipboard API exists only in secure contexts; elsewhere the code can still be selected by hand.
    const clipboard = (navigator as Partial<Navigator>).clipboard;
    if (!clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(notice.userCode).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <Body1>
        Open <SignInLink url={notice.verificationUri}>{notice.verificationUri}</SignInLink> on any device and enter this code:
      </Body1>
      <div className={styles.codeRow}>
        <span className={styles.code} data-testid="device-code">
          {notice.userCode}
        </span>
        <Button onClick={copy}>{copied === 'yes' ? 'Copied' : 'Copy code'}</Button>
      </div>
      {copied === 'failed' ? <Caption1>Copying was not allowed here; select the code and copy it by hand.</Caption1> : null}
      <Caption1 className={styles.muted}>{expiryText(notice.expiresOn, now)}</Caption1>
    </>
  );
}

function Waiting({ request }: { request: PendingSignIn }) {
  const styles = useStyles();
  if (request.method === 'deviceCode') {
    return request.deviceCode ? <DeviceCode notice={request.deviceCode} /> : <Spinner size="small" label="Asking Microsoft Entra ID for a code…" />;
  }
  return (
    <>
      <Spinner size="small" label="Finish signing in in your browser…" labelPosition="after" />
      {request.loginHint ? <Body1>Sign in as {request.loginHint}.</Body1> : null}
      {request.signInUrl ? (
        <Body1 className={styles.muted}>
          If no browser tab opened, <SignInLink url={request.signInUrl}>open the sign-in page</SignInLink>.
        </Body1>
      ) : null}
    </>
  );
}

/** While a sign-in this page started runs: the device code with its link and a copy button, or a wait for the browser; both cancellable. */
export function SignInDialog() {
  const styles = useStyles();
  const pending = usePendingSignIns();
  const cancel = useCancelSignIn();
  const request = pending.at(-1);
  if (!request) return null;
  const stop = () => cancel.mutate(request.requestId);
  const title = request.method === 'deviceCode' ? 'Sign in with a device code' : 'Sign in with your browser';
  return (
    // An alert dialog: a stray click beside it must not cancel a sign-in the user is halfway through.
    <Dialog open modalType="alert">
      <DialogSurface aria-describedby={undefined} data-testid="sign-in-dialog">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Waiting request={request} />
            {cancel.isError ? <InlineError title="Could not cancel the sign-in" error={cancel.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={stop} disabled={cancel.isPending}>
              Cancel sign-in
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
