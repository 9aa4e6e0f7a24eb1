import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { JsonValue } from '../../shared/models';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  pre: {
    margin: 0,
    width: '100%',
    boxSizing: 'border-box',
    maxHeight: '70vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    userSelect: 'text',
  },
});

/** An entity exactly as the service returned it: pretty-printed, read-only, with a button that copies it. */
export function JsonView({ value, label }: { value: JsonValue; label: string }) {
  const styles = useStyles();
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.wrap}>
      <Button size="small" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
        {copied ? 'Copied' : 'Copy JSON'}
      </Button>
      <pre className={styles.pre} tabIndex={0} aria-label={label} data-testid="json-view">
        {text}
      </pre>
    </div>
  );
}
