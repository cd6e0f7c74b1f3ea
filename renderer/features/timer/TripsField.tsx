import { MAX_TRIPS } from '../../../shared/schemas';

/** Round trips (A/R) of a piece of work, 4 UT each: a whole number the schema accepts, never below 0. */
export function TripsField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: number;
  onChange: (trips: number) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={MAX_TRIPS}
        value={value}
        onChange={(e) => onChange(Math.max(0, Number(e.target.value) || 0))}
      />
      <span className="field-hint">{hint}</span>
    </label>
  );
}
