import type { ContractLedger } from '../../../shared/domain';
import type { Intervention, User } from '../../../shared/schemas';
import { href } from '../../app/router';
import { elapsedSeconds, isRunning } from '../../data';
import { useFormat, useTranslation } from '../../i18n';

type Props = {
  interventions: readonly Intervention[];
  ledger: ContractLedger | null;
  users: readonly User[];
  now: Date;
};

/** Raw time beside billed units, the coverage that applied and why — never one without the other. */
export function InterventionsTable({ interventions, ledger, users, now }: Props) {
  const { t } = useTranslation('tickets');
  const fmt = useFormat();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const sorted = [...interventions].sort((a, b) =>
    (a.segments[0]?.start ?? '') < (b.segments[0]?.start ?? '') ? -1 : 1,
  );
  return (
    <section className="card" aria-labelledby="interventions-title">
      <h2 id="interventions-title">{t('detail.interventions')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('detail.noInterventions')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('detail.columns.technician')}</th>
              <th scope="col">{t('detail.columns.when')}</th>
              <th scope="col">{t('detail.columns.raw')}</th>
              <th scope="col">{t('detail.columns.billed')}</th>
              <th scope="col">{t('detail.columns.coverage')}</th>
              <th scope="col">{t('detail.columns.why')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((intervention) => {
              const billed = ledger?.billed.get(intervention.id);
              const running = isRunning(intervention.segments);
              const seconds = elapsedSeconds(intervention.segments, now);
              const start = intervention.segments[0]?.start;
              return (
                <tr key={intervention.id}>
                  <td>
                    {names.get(intervention.technicianId) ?? intervention.technicianId}
                    {intervention.validatedAt && <span className="chip chip-ok">{t('detail.validated')}</span>}
                  </td>
                  <td>
                    {start ? fmt.dateTime(start) : '—'}
                    <br />
                    <span className="muted">{t(`channel.${intervention.channel}`)}</span>
                  </td>
                  <td>
                    {fmt.clock(seconds)}
                    {running && <span className="chip chip-running">{t('detail.running')}</span>}
                  </td>
                  <td>
                    {billed ? (
                      <>
                        {billed.utConsumed > 0 && fmt.units(billed.utConsumed)}
                        {billed.halfDaysConsumed > 0 && ` ${billed.halfDaysConsumed} ½ j`}
                        {billed.utConsumed === 0 && billed.halfDaysConsumed === 0 && '0 UT'}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{billed ? t(`coverage.${billed.coverage}`) : '—'}</td>
                  <td className="why">
                    {billed && (
                      <ul className="plain-list">
                        {billed.explanation.map((line, i) => (
                          <li key={i}>{line.text}</li>
                        ))}
                      </ul>
                    )}
                    {intervention.completedAt && (
                      <a className="no-print" href={href(`/interventions/${intervention.id}/report`)}>
                        {t('detail.printReport')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
