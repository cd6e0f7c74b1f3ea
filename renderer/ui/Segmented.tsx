import { useId } from 'react';
import './lead-ui.css';

type Props<V extends string> = {
  /** Accessible name of the group. */
  label: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange(value: V): void;
};

/**
 * A choice among a few options shown side by side (radio buttons styled as a segmented control):
 * arrow keys move between options, as for any radio group.
 */
export function Segmented<V extends string>({ label, options, value, onChange }: Props<V>) {
  const name = useId();
  return (
    <fieldset className="seg">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className={option.value === value ? 'seg-option active' : 'seg-option'}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
