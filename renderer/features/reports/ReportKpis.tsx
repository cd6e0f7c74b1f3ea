import { useFormat, useTranslation } from '../../i18n';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import type { Totals } from './aggregate';

/** The period's key figures: raw time beside what was billed, and how much a forfait covered. */
export function ReportKpis({ totals }: { totals: Totals }) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  const hours = (seconds: number) => t('hoursValue', { value: fmt.number(seconds / 3600, 1) });
  const share = totals.rawSeconds > 0 ? totals.forfaitSeconds / totals.rawSeconds : 0;
  return (
    <KpiGrid label={t('kpi.label')}>
      <KpiCard
        label={t('kpi.raw')}
        value={hours(totals.rawSeconds)}
        hint={t('kpi.rawHint', { count: totals.interventions, validated: totals.validated })}
      />
      <KpiCard
        label={t('kpi.workUnits')}
        value={fmt.units(totals.workUnits)}
        hint={t('kpi.workUnitsHint', { hours: hours(totals.workUnits * 900) })}
      />
      <KpiCard
        label={t('kpi.utConsumed')}
        value={fmt.units(totals.utConsumed)}
        hint={t('kpi.utConsumedHint')}
        tone="warn"
      />
      <KpiCard label={t('kpi.halfDays')} value={fmt.number(totals.halfDays)} hint={t('kpi.halfDaysHint')} />
      <KpiCard
        label={t('kpi.forfaitShare')}
        value={`${fmt.number(share * 100, 0)} %`}
        hint={t('kpi.forfaitShareHint', { hours: hours(totals.forfaitSeconds) })}
        tone="ok"
      />
      <KpiCard label={t('kpi.trips')} value={fmt.number(totals.trips)} hint={t('kpi.tripsHint')} />
    </KpiGrid>
  );
}
