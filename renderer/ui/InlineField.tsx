import { useId, type ReactNode } from 'react';

/**
 * A compact labelled control for filter bars. The label points at the control by id instead of
 * wrapping it: a wrapping label would give a `<select>` an accessible name made of its label
 * *and every option's text*.
 */
export function InlineField({ label, children }: { label: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
