import { DEFAULT_GTR_MINUTES, DEFAULT_IMS_BUDGET_MINUTES } from '../../../shared/domain';
import type { Client, Contract, Ticket } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { slaYears } from '../service-levels/penalties';

type Props = {
  contracts: readonly Contract[];
  clients: readonly Client[];
  tickets: readonly Ticket[];
  /** The calendar year shown (Paris), the one penalties are counted by (CG 4.5). */
  year: number;
  now: Date;
};

/**
 * The current year's GTR and IMS standing of the client's hosting contracts (modules K and L,
 * CG art. 4), and the penalties they owe it so far after the cap — computed on the device by the
 * staff's own function (service-levels/penalties.ts), from the tickets the server sends it.
 */
export function ServiceLevelsCard({ contracts, clients, tickets, year, now }: Props) {
  const { t } = useTranslation('extranet');
  const fmt = useFormat();
  const years = slaYears(contracts, clients, tickets, year, now);
  return (
    <section className="card" aria-labelledby="extranet-sla">
      <h2 id="extranet-sla">{t('sla.title', { year })}</h2>
      {years.length === 0 ? (
        <p className="muted">{t('sla.none')}</p>
      ) : (
        <>
          <p className="muted">
            {t('sla.explain', {
              gtr: fmt.duration(DEFAULT_GTR_MINUTES),
              ims: fmt.duration(DEFAULT_IMS_BUDGET_MINUTES),
            })}
          </p>
          {years.map(({ contract, gtrActive, interruptions, ims, cap }) => {
            const counted = interruptions.filter((row) => row.status === 'counted');
            const overruns = counted.filter((row) => row.gtr.overrunMinutes > 0);
            const down = interruptions.filter((row) => !row.gtr.restored);
            return (
              <article
                key={contract.id}
                className="extranet-contract"
                aria-label={t('credit.contract', { number: contract.number })}
              >
                <h3>{t('credit.contract', { number: contract.number })}</h3>
                <dl className="facts-grid">
                  {gtrActive && (
                    <>
                      <dt>{t('sla.gtr')}</dt>
                      <dd>
                        {t('sla.gtrCounts', { count: counted.length, overruns: overruns.length })}
                        {down.length > 0 && (
                          <>
                            {' '}
                            <span className="chip chip-danger">{t('sla.down', { count: down.length })}</span>
                          </>
                        )}
                      </dd>
                    </>
                  )}
                  {ims && (
                    <>
                      <dt>{t('sla.ims')}</dt>
                      <dd>
                        {t('sla.imsTotal', {
                          total: fmt.duration(ims.totalMinutes),
                          budget: fmt.duration(DEFAULT_IMS_BUDGET_MINUTES),
                        })}
                        {ims.excessMinutes > 0 && (
                          <>
                            {' '}
                            <span className="chip chip-warn">
                              {t('sla.imsExcess', { excess: fmt.duration(ims.excessMinutes) })}
                            </span>
                          </>
                        )}
                      </dd>
                    </>
                  )}
                  <dt>{t('sla.penalties')}</dt>
                  <dd>
                    <strong>{fmt.money(cap.capped)}</strong>{' '}
                    {cap.wasCapped && (
                      <span className="muted">
                        {t('sla.capped', { total: fmt.money(cap.total), cap: fmt.money(cap.cap) })}
                      </span>
                    )}
                  </dd>
                </dl>
                {overruns.length > 0 && (
                  <ul className="plain-list">
                    {overruns.map((row) => (
                      <li key={row.ticket.id}>
                        {t('sla.overrun', {
                          reference: row.ticket.reference,
                          date: fmt.date(row.ticket.interruption?.notifiedAt ?? row.ticket.receivedAt),
                          duration: fmt.duration(row.gtr.businessMinutes),
                          penalty: fmt.money(row.penalty),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            );
          })}
        </>
      )}
    </section>
  );
}
