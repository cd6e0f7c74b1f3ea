import { useState } from 'react';
import {
  contractYear,
  contractYearOn,
  occurrenceTicketId,
  PLANNED_SERVICE_CODES,
  plannedOccurrences,
  plannedQuantity,
} from '../../../shared/domain';
import type { Client, Contract, User } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';

type Props = {
  contracts: readonly Contract[];
  clients: readonly Client[];
  users: readonly User[];
  /** Ids of the occurrences already planned (tickets on this device). */
  plannedIds: ReadonlySet<string>;
  today: string;
};

/** A team lead plans a contract year of modules C–F: what it holds, what is new, one button. */
export function PlanYearPanel({ contracts, clients, users, plannedIds, today }: Props) {
  const { t } = useTranslation('planning');
  const fmt = useFormat();
  const data = useData();
  const [contractId, setContractId] = useState('');
  const [yearOffset, setYearOffset] = useState(0);
  const [assigneeId, setAssigneeId] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  // A few dozen contracts: cheap enough to sort on each render.
  const eligible = contracts
    .filter((c) => !c.terminatedOn && PLANNED_SERVICE_CODES.some((m) => plannedQuantity(c, m) > 0))
    .sort((a, b) => (names.get(a.clientId) ?? '').localeCompare(names.get(b.clientId) ?? '', 'fr'));
  const contract = eligible.find((c) => c.id === contractId);
  const current = contract ? contractYearOn(contract.startDate, today).index : 0;
  const yearIndex = current + yearOffset;
  const plan = contract ? plannedOccurrences(contract, yearIndex) : [];
  const missing = contract ? plan.filter((o) => !plannedIds.has(occurrenceTicketId(contract.id, o))) : [];
  const date = (d: string) => fmt.date(`${d}T12:00:00Z`);
  const technicians = users.filter((u) => u.active && u.role === 'technician');

  async function submit() {
    if (!contract) return;
    setBusy(true);
    setStatus(null);
    try {
      const { created } = await data.planning.planYear(contract, yearIndex, assigneeId || undefined);
      setStatus({ text: t('plan.done', { count: created }), error: false });
    } catch (e) {
      setStatus({ text: t('error', { message: e instanceof Error ? e.message : String(e) }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <p className="field-hint">{t('plan.hint')}</p>
      {eligible.length === 0 ? (
        <p className="muted">{t('plan.noContract')}</p>
      ) : (
        <>
          <label className="field">
            <span>{t('plan.contract')}</span>
            <select
              value={contractId}
              onChange={(e) => {
                setContractId(e.target.value);
                setStatus(null);
              }}
            >
              <option value="">{t('plan.chooseContract')}</option>
              {eligible.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('plan.contractOption', {
                    client: names.get(c.clientId) ?? c.clientId,
                    number: c.number,
                    modules: PLANNED_SERVICE_CODES.filter((m) => plannedQuantity(c, m) > 0).join(' '),
                  })}
                </option>
              ))}
            </select>
          </label>
          {contract && (
            <>
              <label className="field">
                <span>{t('plan.year')}</span>
                <select value={yearOffset} onChange={(e) => setYearOffset(Number(e.target.value))}>
                  {[0, 1].map((offset) => {
                    const year = contractYear(contract.startDate, current + offset);
                    return (
                      <option key={offset} value={offset}>
                        {t('plan.yearOption', { from: date(year.start), to: date(year.end) })}
                      </option>
                    );
                  })}
                </select>
              </label>
              <label className="field">
                <span>{t('plan.assignee')}</span>
                <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                  <option value="">{t('plan.nobody')}</option>
                  {technicians.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <p>{t('plan.preview', { total: plan.length, existing: plan.length - missing.length })}</p>
              <ul className="plan-preview">
                {PLANNED_SERVICE_CODES.filter((m) => plan.some((o) => o.module === m)).map((m) => (
                  <li key={m}>
                    {t('plan.perModule', { module: m, count: missing.filter((o) => o.module === m).length })}
                  </li>
                ))}
              </ul>
              {missing.length === 0 ? (
                <p className="muted">{t('plan.nothing')}</p>
              ) : (
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
                  {t('plan.submit', { count: missing.length })}
                </button>
              )}
            </>
          )}
          {status && (
            <p role={status.error ? 'alert' : 'status'} className={status.error ? 'form-error' : 'muted'}>
              {status.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
