import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { InlineError } from '../../components/InlineError';

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  title: string;
  /** What will happen, plainly; extra inputs (such as what to do with running tasks) go here too. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** The failure of the last attempt, shown inside the dialog so it can be retried. */
  error?: unknown;
}

/** A modal "are you sure" for actions that change Batch state. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error }: ConfirmDialogProps) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            {error ? <InlineError title={`${confirmLabel} failed`} error={error} testId="confirm-error" /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onConfirm} disabled={busy} data-testid="confirm">
              {busy ? 'Working…' : confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
