import { useMemo } from 'react';
import { OPEN_TICKET_STATUSES } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { useNow } from '../../ui/useNow';
import { BalanceGauge } from '../credit/BalanceGauge';
import { blockRows, creditRows } from '../credit/credit-model';
import { computeLedgers } from '../reports/ledgers';
import { localIsoDay } from '../reports/local-day';
import { ExportClientButton } from '../reversibility/ExportClientButton';
import { useLeadData } from '../reports/useLeadData';
import { SlaChip } from '../tickets/SlaChip';
import { ticketRows } from '../tickets/derive';
import { ServiceLevelsCard } from './ServiceLevelsCard';
import './extranet.css';

/** Renewals listed under each credit. */
const LAST_RENEWALS = 3;

/**
 * The client's manager's home on the extranet (CP art. 5): its open requests with the 30-minute
 * intervention commitment of each, and the credit left on each contract with the last renewals
 * and their invoices. Everything here is derived on the device, by the same functions as the
 * staff screens, from the documents the server lets this account receive (its own clients only).
 */
export function ExtranetHome() {
  const { t } = useTranslation('extranet');
  const fmt = useFormat();
  const me = useData().user;
  const now = useNow(30_000);
  const today = localIsoDay('Europe/Paris', now.getTime());
  const data = useLeadData().data;

  const open = useMemo(() => {
    if (!data) return [];
    const tickets = data.tickets.filter((ticket) => OPEN_TICKET_STATUSES.includes(ticket.status));
    return ticketRows(tickets, data.clients, data.contracts, data.interventions, now).sort(
      (a, b) => Date.parse(b.ticket.receivedAt) - Date.parse(a.ticket.receivedAt),
    );
  }, [data, now]);
  const credits = useMemo(
    () =>
      data
        ? creditRows(
            computeLedgers(data.contracts, data.tickets, data.equipment, data.interventions),
            data.clients,
            today,
          )
        : [],
    [data, today],
  );
  const names = data?.clients.map((client) => client.name).join(', ') ?? '';

  return (
    <section className="page extranet" aria-labelledby="extranet-title">
      <div className="page-header">
        <h1 id="extranet-title">{t('title', { names })}</h1>
      </div>
      <p className="muted">{t('greeting', { name: me.name, date: fmt.dateLong(now), time: fmt.time(now) })}</p>
      {!data ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <div className="extranet-grid">
          <section className="card" aria-labelledby="extranet-tickets">
            <h2 id="extranet-tickets">{t('tickets.title', { count: open.length })}</h2>
            <p className="muted">{t('tickets.explain')}</p>
            {open.length === 0 ? (
              <p className="muted">{t('tickets.none')}</p>
            ) : (
              <table className="extranet-table">
                <thead>
                  <tr>
                    <th scope="col">{t('tickets.reference')}</th>
                    <th scope="col">{t('tickets.subject')}</th>
                    <th scope="col">{t('tickets.received')}</th>
                    <th scope="col">{t('tickets.status')}</th>
                    <th scope="col">{t('tickets.commitment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {open.map(({ ticket, sla }) => (
                    <tr key={ticket.id}>
                      <td>{ticket.reference}</td>
                      <td>{ticket.title}</td>
                      <td>{fmt.dateTime(ticket.receivedAt)}</td>
                      <td>{t(`tickets:status.${ticket.status}`)}</td>
                      <td>
                        <SlaChip sla={sla} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="extranet-credit">
            <h2 id="extranet-credit">{t('credit.title')}</h2>
            {credits.length === 0 && <p className="muted">{t('credit.none')}</p>}
            {credits.map((row) => (
              <article
                key={row.contract.id}
                className="extranet-contract"
                aria-label={t('credit.contract', { number: row.contract.number })}
              >
                <h3>{t('credit.contract', { number: row.contract.number })}</h3>
                {row.error && <p className="form-error">{t('credit.broken', { message: row.error })}</p>}
                {row.ut && (
                  <p>
                    <span className="extranet-label">{t('credit.ut')}</span>{' '}
                    <BalanceGauge
                      balance={row.ut.ledger.balance}
                      base={row.ut.ledger.base}
                      low={row.ut.low}
                      unit="UT"
                    />{' '}
                    <span className="muted">
                      {t('credit.utHours', { duration: fmt.duration(row.ut.ledger.balance * 15) })}
                    </span>
                  </p>
                )}
                {row.halfDays && (
                  <p>
                    <span className="extranet-label">{t('credit.halfDays')}</span>{' '}
                    <BalanceGauge
                      balance={row.halfDays.ledger.balance}
                      base={row.halfDays.ledger.base}
                      low={row.halfDays.low}
                      unit={t('credit.halfDayUnit')}
                    />
                  </p>
                )}
                {row.ut && (
                  <>
                    <h4>{t('credit.renewals')}</h4>
                    <ul className="plain-list">
                      {blockRows(row.contract, row.ut.ledger, data.invoices)
                        .slice(0, LAST_RENEWALS)
                        .map((block) => (
                          <li key={block.block}>
                            {t(block.block === 1 ? 'credit.base' : 'credit.renewal', {
                              block: block.block,
                              date: fmt.date(block.at),
                              quantity: block.quantity,
                              amount: fmt.money(block.amountHT),
                            })}{' '}
                            {block.invoice ? (
                              <span className="muted">
                                {t('credit.invoice', { id: block.invoice.id, ttc: fmt.money(block.invoice.amountTTC) })}
                              </span>
                            ) : (
                              <span className="muted">{t('credit.invoicePending')}</span>
                            )}
                          </li>
                        ))}
                    </ul>
                  </>
                )}
              </article>
            ))}
          </section>
          <ServiceLevelsCard
            contracts={data.contracts}
            clients={data.clients}
            tickets={data.tickets}
            year={Number(today.slice(0, 4))}
            now={now}
          />
          <section className="card" aria-labelledby="extranet-data">
            <h2 id="extranet-data">{t('data.title')}</h2>
            <p className="muted">{t('data.explain')}</p>
            {data.clients.map((client) => (
              <p key={client.id}>
                <span className="extranet-label">{client.name}</span> <ExportClientButton clientId={client.id} />
              </p>
            ))}
          </section>
        </div>
      )}
    </section>
  );
}
