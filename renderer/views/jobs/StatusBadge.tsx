import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { StatusTone } from '../tasks/task-status';

const COLORS: Record<StatusTone, BadgeProps['color']> = {
  informative: 'informative',
  brand: 'brand',
  success: 'success',
  danger: 'danger',
  warning: 'warning',
  subtle: 'subtle',
};

/** A job or task state as a coloured badge. */
export function StatusBadge({ label, tone }: { label: string; tone: StatusTone }) {
  return (
    <Badge appearance="tint" color={COLORS[tone]} data-testid="state" data-state={label}>
      {label}
    </Badge>
  );
}
