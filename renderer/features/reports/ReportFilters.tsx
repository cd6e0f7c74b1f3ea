import type { Client, User } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { Segmented } from '../../ui/Segmented';
import { PERIOD_KINDS, presetPeriod, rangePeriod, shiftPeriod, type Period, type PeriodKind } from './period';

export type FilterPatch = { period?: Period; clientId?: string | undefined; technicianId?: string | undefined };

type Props = {
  period: Period;
  today: string;
  clientId: string | undefined;
  technicianId: string | undefined;
  clients: readonly Client[];
  technicians: readonly User[];
  onChange(patch: FilterPatch): void;
  /** Hide the technician filter (screens about clients only). */
  withTechnician?: boolean;
};

/**
 * The filters bar of the lead's screens: period presets, previous/next, a free range, client and
 * technician. Every change goes to the URL through `onChange`, so the back button undoes it.
 */
export function ReportFilters({
  period,
  today,
  clientId,
  technicianId,
  clients,
  technicians,
  onChange,
  withTechnician = true,
}: Props) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  const choose = (kind: PeriodKind) =>
    onChange({ period: kind === 'range' ? rangePeriod(period.from, period.to) : presetPeriod(kind, today) });
  const setRange = (from: string, to: string) => {
    try {
      onChange({ period: rangePeriod(from, to) });
    } catch {
      // An end before the start while typing: wait for the other date.
    }
  };
  const label =
    period.from === period.to
      ? t('filters.showingDay', { day: fmt.dateLong(`${period.from}T12:00:00Z`) })
      : t('filters.showing', { from: fmt.date(`${period.from}T12:00:00Z`), to: fmt.date(`${period.to}T12:00:00Z`) });

  return (
    <form className="lead-filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="lead-filters-row">
        <Segmented
          label={t('filters.period')}
          value={period.kind}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`filters.presets.${kind}`) }))}
          onChange={choose}
        />
        <div className="period-stepper">
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('filters.previous')}
            onClick={() => onChange({ period: shiftPeriod(period, -1) })}
          >
            ‹
          </button>
          <span className="period-label" aria-live="polite">
            {label}
          </span>
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('filters.next')}
            onClick={() => onChange({ period: shiftPeriod(period, 1) })}
          >
            ›
          </button>
        </div>
      </div>
      <div className="lead-filters-row">
        {period.kind === 'range' && (
          <>
            <InlineField label={t('filters.from')}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={period.from}
                  max={period.to}
                  onChange={(e) => setRange(e.target.value, period.to)}
                />
              )}
            </InlineField>
            <InlineField label={t('filters.to')}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={period.to}
                  min={period.from}
                  onChange={(e) => setRange(period.from, e.target.value)}
                />
              )}
            </InlineField>
          </>
        )}
        <InlineField label={t('filters.client')}>
          {(id) => (
            <select
              id={id}
              value={clientId ?? ''}
              onChange={(e) => onChange({ clientId: e.target.value || undefined })}
            >
              <option value="">{t('filters.all')}</option>
              {clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.name}
                </option>
              ))}
            </select>
          )}
        </InlineField>
        {withTechnician && (
          <InlineField label={t('filters.technician')}>
            {(id) => (
              <select
                id={id}
                value={technicianId ?? ''}
                onChange={(e) => onChange({ technicianId: e.target.value || undefined })}
              >
                <option value="">{t('filters.all')}</option>
                {technicians.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </select>
            )}
          </InlineField>
        )}
        {(clientId || technicianId) && (
          <button
            type="button"
            className="btn"
            onClick={() => onChange({ clientId: undefined, technicianId: undefined })}
          >
            {t('filters.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
