import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useTheme } from '../../theme/theme-context';
import { isThemeChoice } from '../../theme/theme-resolution';
import { THEME_OPTIONS } from './theme-options';

/** The theme radio group; the choice applies at once and is remembered. */
export function ThemePicker() {
  const { choice, setChoice } = useTheme();
  return (
    <Field label="Theme" hint="System follows your operating system's light, dark and high-contrast settings.">
      <RadioGroup
        value={choice}
        onChange={(_event, data) => {
          if (isThemeChoice(data.value)) setChoice(data.value);
        }}
      >
        {THEME_OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
