import type { QualityCounts } from '../../../shared/domain';
import { useFormat, useTranslation } from '../../i18n';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import { formatIndex, indexTone } from './format-index';

/** The index and the outcomes it is made of. */
export function QualityKpis({ counts }: { counts: QualityCounts }) {
  const { t } = useTranslation('quality');
  const fmt = useFormat();
  const o = counts.outcomes;
  return (
    <KpiGrid label={t('kpi.label')}>
      <KpiCard
        label={t('kpi.index')}
        value={formatIndex(counts.index, fmt.locale)}
        hint={t('kpi.indexHint', {
          points: fmt.number(counts.points, counts.points % 1 ? 1 : 0),
          counted: counts.counted,
        })}
        tone={indexTone(counts.index)}
      />
      <KpiCard label={t('kpi.onTime')} value={fmt.number(o.on_time)} tone="ok" />
      <KpiCard label={t('kpi.late')} value={fmt.number(o.late)} tone={o.late > 0 ? 'warn' : 'neutral'} />
      <KpiCard
        label={t('kpi.missed')}
        value={fmt.number(o.missed + o.no_report + o.cancelled_by_provider)}
        hint={o.no_report > 0 ? t('kpi.missedHint', { count: o.no_report }) : undefined}
        tone={o.missed + o.no_report + o.cancelled_by_provider > 0 ? 'danger' : 'neutral'}
      />
      <KpiCard label={t('kpi.excluded')} value={fmt.number(o.excluded)} />
      <KpiCard label={t('kpi.upcoming')} value={fmt.number(o.upcoming)} />
    </KpiGrid>
  );
}
