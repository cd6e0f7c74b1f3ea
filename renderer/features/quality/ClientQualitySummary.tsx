import { useMemo } from 'react';
import { qualityIndex } from '../../../shared/domain';
import type { Contract, Intervention, Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import { formatIndex } from './format-index';
import { contractYearPeriod, plannedContractOf, plannedFacts } from './quality-model';
import './quality.css';

type Props = {
  clientId: string;
  today: string;
  data: { tickets: readonly Ticket[]; interventions: readonly Intervention[]; contracts: readonly Contract[] };
};

/** In the client's file: the quality index of its current contract year, and the way to its main courante. */
export function ClientQualitySummary({ clientId, today, data }: Props) {
  const { t } = useTranslation('quality');
  const fmt = useFormat();
  const contract = plannedContractOf(data.contracts, clientId);
  const index = useMemo(() => {
    if (!contract) return null;
    const facts = plannedFacts({
      tickets: data.tickets.filter((tk) => tk.clientId === clientId),
      interventions: data.interventions,
      contracts: [contract],
    });
    return qualityIndex(facts, contractYearPeriod(contract, today), today).index;
  }, [contract, data.tickets, data.interventions, clientId, today]);
  return (
    <section className="card quality-summary" aria-label={t('summary.title')}>
      {contract ? (
        <span>
          {t('summary.index')} <span className="quality-value">{formatIndex(index, fmt.locale)}</span>
        </span>
      ) : (
        <span className="muted">{t('summary.noPlanned')}</span>
      )}
      {contract && <a href={href(`/quality/${clientId}`)}>{t('summary.detail')}</a>}
      <a href={href(`/main-courante/${clientId}`)}>{t('summary.logbook')}</a>
    </section>
  );
}
