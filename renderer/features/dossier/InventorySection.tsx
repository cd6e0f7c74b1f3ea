import { useMemo, useState } from 'react';
import { equipmentKindSchema, type Contract, type Equipment } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { EquipmentDialog } from '../clients/EquipmentDialog';
import { coverageStatus, expiryAlerts } from '../clients/equipment-form';
import { CsvImportDialog } from './CsvImportDialog';
import { useToday } from './useEcheances';

const KIND_ORDER = equipmentKindSchema.options;
const COVERAGE_CHIP = {
  covered: 'chip chip-ok',
  module_missing: 'chip chip-warn',
  not_covered: 'chip',
  not_coverable: 'chip',
};
const ALERT_CHIP = { expired: 'chip chip-danger', soon: 'chip chip-warn', ok: 'muted' };
const READ_COLUMNS = ['name', 'kind', 'serial', 'location', 'coverage', 'expiries'] as const;
const EDIT_COLUMNS = [...READ_COLUMNS, 'actions'] as const;

type Props = {
  clientId: string;
  equipment: readonly Equipment[];
  contracts: readonly Contract[];
  /** The client's manager on the extranet: no add, import, edit or retire control. */
  readOnly?: boolean;
};

/**
 * The client's inventory: kind, serial number, location, coverage (H / I / none, from the
 * contract), échéances. Items are retired, never deleted (their tickets and history keep them).
 */
export function InventorySection({ clientId, equipment, contracts, readOnly = false }: Props) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const fmt = useFormat();
  const data = useData();
  const today = useToday();
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Equipment | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
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
  const toggleRetired = (item: Equipment) => void data.equipment.save({ ...item, retired: !item.retired });
  return (
    <section className="card" aria-labelledby="inventory-title">
      <div className="card-header">
        <h2 id="inventory-title">{t('inventory.title', { count: items.length })}</h2>
        {!readOnly && (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              {t('inventory.import')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              {t('inventory.add')}
            </button>
          </div>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
        {tc('equipment.showRetired')}
      </label>
      {items.length === 0 ? (
        <p className="muted">{tc('equipment.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('inventory.title', { count: items.length })}</caption>
            <thead>
              <tr>
                {(readOnly ? READ_COLUMNS : EDIT_COLUMNS).map((c) => (
                  <th key={c} scope="col">
                    {tc(`equipment.columns.${c}`)}
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
                      {item.name} {item.retired && <span className="chip">{tc('equipment.retired')}</span>}
                    </td>
                    <td>{tc(`equipment.kinds.${item.kind}`)}</td>
                    <td className="mono">{item.serial ?? ''}</td>
                    <td>{item.location ?? ''}</td>
                    <td>
                      <span className={COVERAGE_CHIP[coverage.state]}>
                        {tc(
                          `equipment.coverage.${coverage.state}`,
                          'module' in coverage ? { module: coverage.module } : {},
                        )}
                      </span>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {expiryAlerts(item, today).map((alert, i) => (
                          <li key={i}>
                            <span className={ALERT_CHIP[alert.level]}>
                              {tc(`equipment.${alert.level === 'ok' ? 'later' : alert.level}`, {
                                label: alert.expiry.label || tc(`equipment.expiryKinds.${alert.expiry.kind}`),
                                date: fmt.date(`${alert.expiry.date}T12:00:00Z`),
                              })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    {!readOnly && (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={tc('equipment.edit', { name: item.name })}
                          onClick={() => setEditing(item)}
                        >
                          {tc('equipment.editShort')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={t(item.retired ? 'inventory.restore' : 'inventory.retire', { name: item.name })}
                          onClick={() => toggleRetired(item)}
                        >
                          {t(item.retired ? 'inventory.restoreShort' : 'inventory.retireShort')}
                        </button>
                      </td>
                    )}
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
      {importing && <CsvImportDialog clientId={clientId} onClose={() => setImporting(false)} />}
    </section>
  );
}
