import { useFormat, useTranslation } from '../i18n';

type Day = { day: string; minutes: number; periods: readonly { from: string; to: string }[] };

/** The business minutes counted, day by day, behind a deadline or a duration (domain explanations). */
export function BusinessMinutesDetails({ days }: { days: readonly Day[] }) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  if (days.length === 0) return null;
  return (
    <details>
      <summary>{t('sla.explanationTitle')}</summary>
      <ul className="plain-list">
        {days.map((day) => (
          <li key={day.day}>
            {t('sla.explanationDay', {
              // Noon UTC is the same calendar day in Paris whatever the season.
              day: fmt.date(`${day.day}T12:00:00Z`),
              minutes: Math.round(day.minutes),
              periods: day.periods.map((p) => `${p.from}–${p.to}`).join(', '),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
