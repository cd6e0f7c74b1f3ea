import { useId, useState } from 'react';
import { useFormat, useTranslation } from '../../i18n';

/** A list of days (closed dates, worked holidays): add one with a date field, remove any. */
export function DateList({
  label,
  dates,
  onChange,
}: {
  label: string;
  dates: readonly string[];
  onChange(dates: string[]): void;
}) {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  const id = useId();
  const [day, setDay] = useState('');
  return (
    <fieldset className="date-list">
      <legend>{label}</legend>
      {dates.length === 0 ? (
        <p className="muted">{t('contract.noDates')}</p>
      ) : (
        <ul className="plain-list">
          {[...dates].sort().map((d) => (
            <li key={d}>
              {fmt.date(`${d}T12:00:00Z`)}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('contract.removeDate', { date: fmt.date(`${d}T12:00:00Z`) })}
                onClick={() => onChange(dates.filter((x) => x !== d))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="date-add">
        <label className="visually-hidden" htmlFor={id}>
          {t('contract.dateToAdd', { list: label })}
        </label>
        <input id={id} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        <button
          type="button"
          className="btn btn-small"
          disabled={!/^\d{4}-\d{2}-\d{2}$/.test(day) || dates.includes(day)}
          onClick={() => {
            onChange([...dates, day].sort());
            setDay('');
          }}
        >
          {t('contract.addDate')}
        </button>
      </div>
    </fieldset>
  );
}
