import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { JsonValue } from '../../../shared/models';

const useStyles = makeStyles({
  pre: {
    margin: 0,
    padding: tokens.spacingVerticalM,
    maxHeight: '480px',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
});

/** The entity exactly as the service returned it, pretty-printed, with a copy button. */
export function JsonView({ value, label }: { value: JsonValue; label: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const text = JSON.stringify(value, null, 2);
  return (
    <div>
      <div className={styles.bar}>
        <Button size="small" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
          {copied ? 'Copied' : 'Copy JSON'}
        </Button>
      </div>
      <pre className={styles.pre} aria-label={label} data-testid="json-view" tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}
