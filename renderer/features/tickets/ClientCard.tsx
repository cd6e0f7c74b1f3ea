import { coveringModule as moduleFor, HOTLINE_ALLOWANCE_SECONDS, priceInForce } from '../../../shared/domain';
import { isoDay } from '../../../shared/format';
import { MODULE_CODES, type Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';
import type { ClientContext } from './useClientContext';

/** Warn when the UT balance is down to this share of the base: the next work may renew it. */
const RENEWAL_WARNING_SHARE = 0.25;

type Props = {
  context: ClientContext;
  /** The ticket being worked on (or the equipment chosen during call intake). */
  ticket?: Pick<Ticket, 'id' | 'channel'> & {
    equipmentId?: string | undefined;
    plannedService?: Ticket['plannedService'];
  };
};

/**
 * Beside every ticket: the client's active modules in plain French, live UT and half-day
 * balances, a warning before the next automatic renewal, and the coverage that will apply here.
 */
export function ClientCard({ context, ticket }: Props) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const { client, contract, ledger, equipment } = context;
  if (!client) return null;
  const active = contract ? MODULE_CODES.filter((code) => contract.modules[code].active) : [];
  const ut = ledger?.ut;
  const halfDays = ledger?.halfDays;
  const warnRenewal = ut !== undefined && ut.balance <= Math.max(1, Math.floor(ut.base * RENEWAL_WARNING_SHARE));

  let allowanceLeft: number | null = null;
  if (ticket && contract?.modules.G.active && ledger) {
    let used = 0;
    for (const billed of ledger.billed.values()) {
      const intervention = context.interventions.find((i) => i.id === billed.interventionId);
      if (intervention?.ticketId === ticket.id) used += billed.allowanceSecondsUsed;
    }
    allowanceLeft = Math.max(0, Math.floor((HOTLINE_ALLOWANCE_SECONDS - used) / 60));
  }
  // A planned service of an active module is in the forfait whatever its channel (rule 1 first).
  const planned =
    ticket?.plannedService && contract?.modules[ticket.plannedService].active ? ticket.plannedService : null;
  const hotlineWork = !planned && (ticket?.channel === 'hotline' || ticket?.channel === 'telemaintenance');
  const item = ticket?.equipmentId ? equipment.find((e) => e.id === ticket.equipmentId) : undefined;
  const possible = item && item.covered && contract ? moduleFor(item.kind) : null;
  const coveringModule = possible && contract?.modules[possible].active ? possible : null;
  const unitPrice = contract
    ? priceInForce(contract.prices, isoDay(new Date(), contract.calendar.timeZone)).utUnitPrice
    : undefined;

  return (
    <aside className="card client-card" aria-label={t('card.title')}>
      <h2>{client.name}</h2>
      {/* A technician on a call reaches the client's equipment, providers and passwords from here. */}
      <p className="client-card-links">
        <a href={href(`/dossier/${client.id}`)}>{t('card.dossier')}</a>
        <a href={href(`/dossier/${client.id}/coffre`)}>{t('card.vault')}</a>
      </p>
      {client.phones.length > 0 && (
        <p className="muted">
          {t('card.phones')} : {client.phones.join(' · ')}
        </p>
      )}
      {!contract && <p>{t('card.noContract')}</p>}
      {contract && (
        <>
          <p className="muted">{t('card.contract', { number: contract.number })}</p>
          <dl className="balances">
            {ut && (
              <div className={warnRenewal ? 'balance balance-warn' : 'balance'}>
                <dt>{t('card.utBalance')}</dt>
                <dd data-testid="ut-balance">
                  {t('card.balanceOf', { balance: fmt.number(ut.balance), base: fmt.number(ut.base) })}
                </dd>
              </div>
            )}
            {halfDays && (
              <div className="balance">
                <dt>{t('card.halfDayBalance')}</dt>
                <dd>
                  {t('card.balanceOf', { balance: fmt.number(halfDays.balance), base: fmt.number(halfDays.base) })}
                </dd>
              </div>
            )}
          </dl>
          {ut && warnRenewal && (
            <p className="notice notice-warn" role="note">
              {t('card.renewalWarning', { balance: ut.balance, base: ut.base })}
              {unitPrice && ` ${t('card.renewalPrice', { price: fmt.money(unitPrice) })}`}
            </p>
          )}
          {ticket && (planned || hotlineWork || item) && (
            <>
              <h3>{t('card.coverageTitle')}</h3>
              <ul className="coverage-list">
                {planned && <li>{t('card.plannedService', { module: planned })}</li>}
                {hotlineWork && (
                  <li>
                    {allowanceLeft !== null ? t('card.hotlineLeft', { minutes: allowanceLeft }) : t('card.hotlineNone')}
                  </li>
                )}
                {item && (
                  <li>
                    {coveringModule
                      ? t('card.equipmentCovered', { name: item.name, module: coveringModule })
                      : t('card.equipmentNotCovered', { name: item.name })}
                  </li>
                )}
              </ul>
            </>
          )}
          <h3>{t('card.modules')}</h3>
          <ul className="module-list">
            {active.map((code) => (
              <li key={code}>{t(`modules.${code}`)}</li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
