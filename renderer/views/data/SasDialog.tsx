import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useSas } from '../../api/storage';
import { InlineError } from '../../components/InlineError';
import { formatTime } from '../../components/time-format';
import { EXPIRY_CHOICES, SAS_PERMISSIONS, expiryMinutes, permissionString, type ExpiryChoice, type SasLetter } from './sas-model';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  url: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
});

/** Props of SasDialog. */
export interface SasDialogProps {
  accountId: string;
  container: string;
  /** One blob; without it the SAS covers the whole container. */
  name?: string;
  onClose: () => void;
}

/** Issues a SAS URL with a chosen lifetime and permissions, shows it and copies it to the clipboard. */
export function SasDialog({ accountId, container, name, onClose }: SasDialogProps) {
  const styles = useStyles();
  const sas = useSas();
  const [choice, setChoice] = useState<ExpiryChoice>('60');
  const [custom, setCustom] = useState('120');
  const [checked, setChecked] = useState<ReadonlySet<SasLetter>>(new Set<SasLetter>(name ? ['r'] : ['r', 'l']));
  const [copied, setCopied] = useState<'copied' | 'failed' | undefined>(undefined);
  const expiry = expiryMinutes(choice, custom);
  const permissions = permissionString(checked);
  const toggle = (letter: SasLetter, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(letter);
    else next.delete(letter);
    setChecked(next);
  };
  const issue = () => {
    if (!expiry.ok || !permissions) return;
    setCopied(undefined);
    sas.mutate(
      { accountId, container, ...(name ? { name } : {}), permissions, expiresInMinutes: expiry.minutes },
      {
        onSuccess: (result) =>
          void navigator.clipboard.writeText(result.url).then(
            () => setCopied('copied'),
            () => setCopied('failed'),
          ),
      },
    );
  };
  return (
    <Dialog open onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface data-testid="sas-dialog">
        <DialogBody>
          <DialogTitle>SAS URL for {name ?? `container ${container}`}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label="Expires after" validationMessage={expiry.ok ? undefined : expiry.message}>
              <RadioGroup layout="horizontal" value={choice} onChange={(_e, d) => setChoice(d.value as ExpiryChoice)}>
                {EXPIRY_CHOICES.map((c) => (
                  <Radio key={c.value} value={c.value} label={c.label} data-testid={`sas-expiry-${c.value}`} />
                ))}
              </RadioGroup>
            </Field>
            {choice === 'custom' ? (
              <Field label="Minutes">
                <Input value={custom} onChange={(_e, d) => setCustom(d.value)} inputMode="numeric" data-testid="sas-minutes" />
              </Field>
            ) : null}
            <Field label="Permissions" validationMessage={permissions ? undefined : 'Pick at least one permission'}>
              <div className={styles.row}>
                {SAS_PERMISSIONS.map((p) => (
                  <Checkbox
                    key={p.letter}
                    label={p.label}
                    checked={checked.has(p.letter)}
                    onChange={(_e, d) => toggle(p.letter, d.checked === true)}
                    data-testid={`sas-permission-${p.letter}`}
                  />
                ))}
              </div>
            </Field>
            {sas.error ? <InlineError title="Could not issue the SAS URL" error={sas.error} testId="sas-error" /> : null}
            {sas.data ? (
              <Field label={`URL (expires ${formatTime(sas.data.expiresOn)}, permissions ${sas.data.permissions})`}>
                <Input className={styles.url} readOnly value={sas.data.url} data-testid="sas-url" onFocus={(e) => e.currentTarget.select()} />
              </Field>
            ) : null}
            {copied ? (
              <Caption1 role="status" data-testid="sas-copied">
                {copied === 'copied' ? 'Copied to the clipboard' : 'The clipboard refused the URL; select it above and copy it'}
              </Caption1>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Close
            </Button>
            <Button
              appearance="primary"
              onClick={issue}
              disabled={!expiry.ok || !permissions || sas.isPending}
              icon={sas.isPending ? <Spinner size="extra-tiny" /> : undefined}
              data-testid="sas-issue"
            >
              Create and copy
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
