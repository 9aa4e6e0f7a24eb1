import { Button, Caption1, Input, Slider, Switch, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { parseGoTo, spanText } from './viewer-text';

const SLIDER_STEPS = 1000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  goto: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  gotoInput: { width: '150px' },
  slider: { flexGrow: 1, minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Props of ViewerToolbar. */
export interface ViewerToolbarProps {
  /** The file's size as last seen. */
  size: number;
  /** The loaded span, and the byte offset at the top of the screen. */
  span: { start: number; end: number } | undefined;
  topOffset: number;
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  showNumbers: boolean;
  onShowNumbers: (show: boolean) => void;
  /** False when the span does not start at byte 0, so no line numbers are known. */
  numbersKnown: boolean;
  onStart: () => void;
  onEnd: () => void;
  onJump: (offset: number) => void;
}

/** First/last screen, "Go to" a percentage or byte offset, a position slider over the whole file, wrap and numbers. */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const { size, span, topOffset, wrap, onWrap, showNumbers, onShowNumbers, numbersKnown, onStart, onEnd, onJump } = props;
  const styles = useStyles();
  const [goTo, setGoTo] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // While dragging, the slider shows where it will jump; otherwise where the screen is.
  const [dragging, setDragging] = useState<number | undefined>(undefined);
  const position = size > 0 ? Math.round((topOffset / size) * SLIDER_STEPS) : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseGoTo(goTo, size);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(undefined);
    onJump(parsed.offset);
  };
  const commit = () => {
    if (dragging === undefined) return;
    onJump(Math.min(Math.max(0, size - 1), Math.floor((dragging / SLIDER_STEPS) * size)));
    setDragging(undefined);
  };

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Tooltip content="First screen (Home)" relationship="description">
          <Button size="small" onClick={onStart} data-testid="viewer-start">
            Top
          </Button>
        </Tooltip>
        <Tooltip content="Last screen (End)" relationship="description">
          <Button size="small" onClick={onEnd} data-testid="viewer-end">
            End
          </Button>
        </Tooltip>
        <form className={styles.goto} onSubmit={submit}>
          <Input
            size="small"
            className={styles.gotoInput}
            value={goTo}
            onChange={(_e, d) => setGoTo(d.value)}
            placeholder="Go to 50% or byte"
            aria-label="Go to a percentage or byte offset"
            data-testid="viewer-goto"
          />
          <Button size="small" type="submit">
            Go
          </Button>
        </form>
        <Switch checked={wrap} onChange={(_e, d) => onWrap(d.checked)} label="Wrap" data-testid="viewer-wrap" />
        <Switch
          checked={showNumbers}
          onChange={(_e, d) => onShowNumbers(d.checked)}
          label={numbersKnown ? 'Line numbers' : 'Line numbers (unknown here)'}
          data-testid="viewer-numbers"
        />
      </div>
      <div className={styles.bar}>
        <Slider
          className={styles.slider}
          size="small"
          min={0}
          max={SLIDER_STEPS}
          value={dragging ?? position}
          onChange={(_e, d) => setDragging(d.value)}
          onPointerUp={commit}
          onKeyUp={commit}
          aria-label="Position in the file"
          aria-valuetext={`${((dragging ?? position) / 10).toFixed(1)}% into the file`}
          data-testid="viewer-position"
        />
        <Caption1 className={styles.muted} data-testid="viewer-span">
          {span ? spanText(span.start, span.end, size) : ''}
        </Caption1>
      </div>
      {problem ? (
        <Caption1 className={styles.error} role="alert">
          {problem}
        </Caption1>
      ) : null}
    </div>
  );
}
