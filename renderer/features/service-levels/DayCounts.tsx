import type { BusinessDayCount } from '../../../shared/domain';
import { useFormat, useTranslation } from '../../i18n';

/**
 * The business minutes counted, day by day, with the periods they came from — the explanation a
 * lead shows a client: "02/11/2026 : 45 min (11 h 50 – 12 h 00, 14 h 00 – 14 h 35)".
 */
export function DayCounts({ days }: { days: readonly BusinessDayCount[] }) {
  const { t } = useTranslation('service-levels');
  const fmt = useFormat();
  const hm = (value: string) => (fmt.locale === 'fr' ? value.replace(':', ' h ') : value);
  return (
    <ul className="plain-list day-counts">
      {days
        .filter((d) => d.minutes > 0)
        .map((d) => (
          <li key={d.day} className="day-count">
            {t('dayCount', { day: fmt.date(`${d.day}T12:00:00Z`), minutes: fmt.duration(d.minutes) })}
            {d.periods.length > 0 && (
              <span className="muted"> ({d.periods.map((p) => `${hm(p.from)} – ${hm(p.to)}`).join(', ')})</span>
            )}
          </li>
        ))}
    </ul>
  );
}
