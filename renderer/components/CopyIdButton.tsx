import { Button, Tooltip } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

/** A small button that copies an id to the clipboard and says so. */
export function CopyIdButton({ value, what = 'id' }: { value: string; what?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1_500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : `Copy ${what}`;
  return (
    <Tooltip content={text} relationship="description">
      <Button size="small" appearance="subtle" aria-label={`Copy ${what} ${value}`} onClick={copy} data-testid="copy-id">
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
    </Tooltip>
  );
}
