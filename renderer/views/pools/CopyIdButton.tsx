import { Button, Tooltip } from '@fluentui/react-components';
import { useState } from 'react';

/** A small button next to an id that copies it to the clipboard and says so. */
export function CopyIdButton({ value, label = 'ID' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  const text = copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : `Copy ${label}`;
  return (
    <Tooltip content={text} relationship="description" onVisibleChange={(_e, data) => !data.visible && setCopied(undefined)}>
      <Button size="small" appearance="subtle" aria-label={`Copy ${label} ${value}`} onClick={copy} data-testid="copy-id">
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </Button>
    </Tooltip>
  );
}
