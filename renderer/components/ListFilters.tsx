import { Field, SearchBox, Select } from '@fluentui/react-components';
import type { RefObject } from 'react';

/** Props of ListSearch. */
export interface ListSearchProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Where the `/` list shortcut sends focus (see useListHotkeys). */
  inputRef: RefObject<HTMLInputElement | null>;
  testId: string;
}

/** A list's search box, advertising the `/` shortcut that focuses it. */
export function ListSearch({ label, value, onChange, placeholder, inputRef, testId }: ListSearchProps) {
  return (
    <Field label={label}>
      <SearchBox
        ref={inputRef}
        value={value}
        onChange={(_e, data) => onChange(data.value)}
        placeholder={placeholder}
        aria-keyshortcuts="/"
        data-testid={testId}
      />
    </Field>
  );
}

/** A "State" drop-down over a fixed list of filter values. */
export function StateFilter({ value, options, onChange, testId }: { value: string; options: readonly string[]; onChange: (value: string) => void; testId: string }) {
  return (
    <Field label="State">
      <Select value={value} onChange={(_e, data) => onChange(data.value)} data-testid={testId}>
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}
