import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from '../../i18n';
import type { FieldError } from './form-errors';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: FieldError | undefined;
  hint?: string;
  multiline?: boolean;
};

/** A labelled input with its hint and its error, tied by aria-describedby so both are read out. */
export function Field({ label, value, onChange, error, hint, multiline, className, ...input }: Props) {
  const { t } = useTranslation('clients');
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea {...common} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...input} {...common} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {t(`errors.${error.key}`, error.params ?? {})}
        </span>
      )}
    </div>
  );
}
