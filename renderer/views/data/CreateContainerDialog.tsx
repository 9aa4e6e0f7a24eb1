import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useCreateContainer } from '../../api/storage';
import { InlineError } from '../../components/InlineError';
import { containerNameError, fileGroupContainer, fileGroupNameError } from './names';

/** Props of CreateContainerDialog. */
export interface CreateContainerDialogProps {
  accountId: string;
  /** A file group is created as the container `fgrp-<name>`. */
  kind: 'fileGroup' | 'container';
  onCreated: (container: string) => void;
  onClose: () => void;
}

/** Asks for a file group or container name, says inline what is wrong with it, and creates it. */
export function CreateContainerDialog({ accountId, kind, onCreated, onClose }: CreateContainerDialogProps) {
  const create = useCreateContainer(accountId);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const error = kind === 'fileGroup' ? fileGroupNameError(name) : containerNameError(name);
  const container = kind === 'fileGroup' ? fileGroupContainer(name) : name;
  const what = kind === 'fileGroup' ? 'file group' : 'container';
  const submit = () => {
    setTouched(true);
    if (error) return;
    create.mutate(container, { onSuccess: () => onCreated(container) });
  };
  return (
    <Dialog open onOpenChange={(_e, data) => (data.open || create.isPending ? undefined : onClose())}>
      <DialogSurface data-testid="create-container-dialog">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>New {what}</DialogTitle>
            <DialogContent>
              <Field
                label={`${kind === 'fileGroup' ? 'File group' : 'Container'} name`}
                required
                validationMessage={touched || name ? error : undefined}
                hint={kind === 'fileGroup' && !error ? `Stored as the container ${container}` : undefined}
              >
                <Input value={name} onChange={(_e, d) => setName(d.value)} onBlur={() => setTouched(true)} autoFocus data-testid="container-name" />
              </Field>
              {create.error ? <InlineError title={`Could not create the ${what}`} error={create.error} testId="create-container-error" /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose} disabled={create.isPending}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={create.isPending || (touched && error !== undefined)}
                icon={create.isPending ? <Spinner size="extra-tiny" /> : undefined}
                data-testid="create-container"
              >
                Create
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
