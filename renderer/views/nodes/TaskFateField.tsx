import { Dropdown, Field, Option } from '@fluentui/react-components';
import { TASK_FATES, type TaskFate } from './node-actions';

/** Picks what happens to tasks running on nodes that are removed, rebooted or reimaged. */
export function TaskFateField({ label, value, onChange }: { label: string; value: TaskFate; onChange: (fate: TaskFate) => void }) {
  return (
    <Field label={label}>
      <Dropdown
        value={TASK_FATES.find((f) => f.value === value)?.label ?? ''}
        selectedOptions={[value]}
        onOptionSelect={(_e, d) => d.optionValue && onChange(d.optionValue as TaskFate)}
      >
        {TASK_FATES.map((f) => (
          <Option key={f.value} value={f.value}>
            {f.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
