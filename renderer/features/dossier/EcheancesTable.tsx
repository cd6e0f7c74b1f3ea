import type { Echeance } from '../../../shared/domain';
import type { Client } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useFormat, useTranslation } from '../../i18n';

const CHIP = {
  expired: 'chip chip-danger',
  within30: 'chip chip-warn',
  within90: 'chip chip-info',
  later: 'chip',
} as const;

type Props = { list: readonly Echeance[]; clients?: ReadonlyMap<string, Client>; caption: string };

/** Échéances soonest first: state, time left, the last working day to act, what expires. */
export function EcheancesTable({ list, clients, caption }: Props) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const fmt = useFormat();
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);
  if (list.length === 0) return <p className="muted">{t('echeances.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('echeances.columns.date')}</th>
            <th scope="col">{t('echeances.columns.state')}</th>
            <th scope="col">{t('echeances.columns.left')}</th>
            <th scope="col">{t('echeances.columns.actBy')}</th>
            {clients && <th scope="col">{t('echeances.columns.client')}</th>}
            <th scope="col">{t('echeances.columns.equipment')}</th>
            <th scope="col">{t('echeances.columns.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.key} data-state={e.state}>
              <td>{day(e.date)}</td>
              <td>
                <span className={CHIP[e.state]}>{t(`echeances.states.${e.state}`)}</span>
              </td>
              <td>
                {e.daysLeft === 0
                  ? t('echeances.today')
                  : e.daysLeft > 0
                    ? t('echeances.inDays', { count: e.daysLeft })
                    : t('echeances.agoDays', { count: -e.daysLeft })}
              </td>
              <td>
                {e.state === 'expired' ? (
                  ''
                ) : (
                  <>
                    {day(e.lastWorkingDay)}
                    {e.workingDaysLeft !== null && (
                      <span className={e.workingDaysLeft === 0 ? 'chip chip-danger' : 'muted'}>
                        {' '}
                        {e.workingDaysLeft === 0
                          ? t('echeances.noWorkingDay')
                          : t('echeances.workingDays', { count: e.workingDaysLeft })}
                      </span>
                    )}
                  </>
                )}
              </td>
              {clients && (
                <td>
                  <a href={href(`/dossier/${e.clientId}?section=echeances`)}>
                    {clients.get(e.clientId)?.name ?? e.clientId}
                  </a>
                </td>
              )}
              <td>
                {e.equipmentName} <span className="muted">({tc(`equipment.kinds.${e.equipmentKind}`)})</span>
              </td>
              <td>
                {tc(`equipment.expiryKinds.${e.kind}`)}
                {e.label && <span className="muted"> — {e.label}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
