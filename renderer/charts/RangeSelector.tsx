import { ToggleButton, Toolbar } from '@fluentui/react-components';
import { CHART_RANGES } from './ranges';

/** Props of RangeSelector. */
export interface RangeSelectorProps {
  /** The selected range in ms (one of CHART_RANGES). */
  value: number;
  onChange(ms: number): void;
}

/** The 10 min / 1 h / 24 h / 7 d switch above a chart. */
export function RangeSelector({ value, onChange }: RangeSelectorProps) {
  return (
    <Toolbar aria-label="Chart range" size="small" data-testid="range-selector">
      {CHART_RANGES.map((range) => (
        <ToggleButton
          key={range.label}
          size="small"
          appearance={range.ms === value ? 'primary' : 'subtle'}
          checked={range.ms === value}
          onClick={() => onChange(range.ms)}
        >
          {range.label}
        </ToggleButton>
      ))}
    </Toolbar>
  );
}
