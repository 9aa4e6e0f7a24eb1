import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { InlineError } from './InlineError';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed },
  },
});

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  /** Defaults to true, for callers that mount the dialog only while it is wanted. */
  open?: boolean;
  title: string;
  /** What will happen, in plain words, plus any options (e.g. how to treat running tasks). */
  children: ReactNode;
  confirmLabel: string;
  /** Destructive actions are marked as such on the button. */
  danger?: boolean;
  busy?: boolean;
  /** The failure of the last attempt, shown inside the dialog so it can be retried. */
  error?: unknown;
  /** Heading of that failure; defaults to "Could not <confirm label>". */
  errorTitle?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The confirmation every state-changing action goes through; shows the service's error inline if it refuses. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open = true, title, children, confirmLabel, danger, busy = false, error, errorTitle, onConfirm, onCancel } = props;
  const styles = useStyles();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_e, data) => {
        // Escape must not abandon a request that is already on its way.
        if (!data.open && !busy) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            {error ? <InlineError title={errorTitle ?? `Could not ${confirmLabel.toLowerCase()}`} error={error} testId="confirm-error" /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={busy}
              data-testid="confirm"
              icon={busy ? <Spinner size="extra-tiny" /> : undefined}
              className={danger ? styles.danger : undefined}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
