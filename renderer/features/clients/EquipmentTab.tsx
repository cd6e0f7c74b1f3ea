import { useMemo, useState } from 'react';
import type { Contract, Equipment } from '../../../shared/schemas';
import { useFormat, useTranslation } from '../../i18n';
import { EquipmentDialog } from './EquipmentDialog';
import { coverageStatus, expiryAlerts } from './equipment-form';

const KIND_ORDER: readonly Equipment['kind'][] = ['server', 'network', 'pc', 'printer', 'software', 'other'];

type Props = { clientId: string; equipment: readonly Equipment[]; contracts: readonly Contract[]; today: string };

/** The client's inventory (dossier technique): what each item is, whether a forfait covers it, what expires. */
export function EquipmentTab({ clientId, equipment, contracts, today }: Props) {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Equipment | 'new' | null>(null);
  const items = useMemo(
    () =>
      equipment
        .filter((e) => showRetired || !e.retired)
        .sort(
          (a, b) =>
            KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
            a.name.localeCompare(b.name, 'fr', { numeric: true }),
        ),
    [equipment, showRetired],
  );
  return (
    <section className="card" aria-labelledby="equipment-title">
      <div className="card-header">
        <h2 id="equipment-title">{t('equipment.title', { count: items.length })}</h2>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          {t('equipment.add')}
        </button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
        {t('equipment.showRetired')}
      </label>
      {items.length === 0 ? (
        <p className="muted">{t('equipment.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('equipment.title', { count: items.length })}</caption>
            <thead>
              <tr>
                {(['name', 'kind', 'serial', 'location', 'coverage', 'expiries', 'actions'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`equipment.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const coverage = coverageStatus(item, contracts, today);
                return (
                  <tr key={item.id} className={item.retired ? 'retired-row' : undefined}>
                    <td>
                      {item.name} {item.retired && <span className="chip">{t('equipment.retired')}</span>}
                    </td>
                    <td>{t(`equipment.kinds.${item.kind}`)}</td>
                    <td className="mono">{item.serial ?? ''}</td>
                    <td>{item.location ?? ''}</td>
                    <td>
                      <span
                        className={
                          coverage.state === 'covered'
                            ? 'chip chip-ok'
                            : coverage.state === 'module_missing'
                              ? 'chip chip-warn'
                              : 'chip'
                        }
                      >
                        {t(
                          `equipment.coverage.${coverage.state}`,
                          'module' in coverage ? { module: coverage.module } : {},
                        )}
                      </span>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {expiryAlerts(item, today).map((alert, i) => (
                          <li key={i}>
                            <span
                              className={
                                alert.level === 'expired'
                                  ? 'chip chip-danger'
                                  : alert.level === 'soon'
                                    ? 'chip chip-warn'
                                    : 'muted'
                              }
                            >
                              {t(`equipment.${alert.level === 'ok' ? 'later' : alert.level}`, {
                                label: alert.expiry.label || t(`equipment.expiryKinds.${alert.expiry.kind}`),
                                date: fmt.date(`${alert.expiry.date}T12:00:00Z`),
                              })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('equipment.edit', { name: item.name })}
                        onClick={() => setEditing(item)}
                      >
                        {t('equipment.editShort')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EquipmentDialog
          clientId={clientId}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </section>
  );
}
