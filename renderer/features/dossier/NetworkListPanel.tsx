import { useState } from 'react';
import type { Client } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { FormStatus, type FormMessage } from '../../ui/FormStatus';
import type { FormErrors } from '../clients/form-errors';
import {
  checkNetwork,
  COLUMNS,
  emptyRow,
  LIST_NAMES,
  networkDraft,
  type ListName,
  type NetworkDraft,
} from './network-form';

const LINK_KINDS = ['fibre', 'sdsl', 'adsl', 'vdsl', 'cable', '4g5g', 'mpls', 'vpn', 'other'] as const;

/** The structured list beside the diagram: sites, subnets, public IPs and links, edited in place. */
export function NetworkListPanel({ client, readOnly = false }: { client: Client; readOnly?: boolean }) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const data = useData();
  const [draft, setDraft] = useState<NetworkDraft | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<FormMessage | null>(null);
  const shown = draft ?? networkDraft(client.network);
  const setCell = (name: ListName, i: number, field: string, value: string) =>
    setDraft((d) => d && { ...d, [name]: d[name].map((row, k) => (k === i ? { ...row, [field]: value } : row)) });
  const save = async () => {
    if (!draft) return;
    const checked = checkNetwork(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      await data.clients.updateDossier(client.id, { network: checked.network });
      setDraft(null);
      setErrors({});
      setStatus({ kind: 'ok', text: t('network.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: tc('saveFailed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <section className="card" aria-labelledby="network-list-title">
      <div className="card-header">
        <h2 id="network-list-title">{t('network.list')}</h2>
        {draft ? (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => (setDraft(null), setErrors({}))}>
              {t('network.cancel')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void save()}>
              {t('network.save')}
            </button>
          </div>
        ) : (
          !readOnly && (
            <button
              type="button"
              className="btn"
              onClick={() => (setDraft(networkDraft(client.network)), setStatus(null))}
            >
              {t('network.edit')}
            </button>
          )
        )}
      </div>
      <FormStatus message={status} as="p" />
      {LIST_NAMES.map((name) => (
        <div key={name} className="network-list">
          <h3>{t(`network.${name}`)}</h3>
          {shown[name].length === 0 && !draft ? (
            <p className="muted">{t('network.empty')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t(`network.${name}`)}</caption>
              <thead>
                <tr>
                  {COLUMNS[name].map((c) => (
                    <th key={c.field} scope="col">
                      {t(`network.fields.${c.label}`)}
                    </th>
                  ))}
                  {draft && <th scope="col" />}
                </tr>
              </thead>
              <tbody>
                {shown[name].map((row, i) => (
                  <tr key={i}>
                    {COLUMNS[name].map((c) => {
                      const error = errors[`${name}.${i}.${c.field}`];
                      const label = `${t(`network.fields.${c.label}`)} ${i + 1}`;
                      if (!draft)
                        return (
                          <td key={c.field}>{c.select ? t(`network.linkKinds.${row[c.field]}`) : row[c.field]}</td>
                        );
                      return (
                        <td key={c.field}>
                          {c.select ? (
                            <select
                              aria-label={label}
                              value={row[c.field]}
                              onChange={(e) => setCell(name, i, c.field, e.target.value)}
                            >
                              {LINK_KINDS.map((k) => (
                                <option key={k} value={k}>
                                  {t(`network.linkKinds.${k}`)}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <input
                              aria-label={label}
                              aria-invalid={error ? true : undefined}
                              value={row[c.field] ?? ''}
                              onChange={(e) => setCell(name, i, c.field, e.target.value)}
                            />
                          )}
                          {error && (
                            <span className="field-error">{tc(`errors.${error.key}`, error.params ?? {})}</span>
                          )}
                        </td>
                      );
                    })}
                    {draft && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-icon"
                          aria-label={`${t(`network.${name}`)} — ${t('network.removeRow', { n: i + 1 })}`}
                          onClick={() => setDraft((d) => d && { ...d, [name]: d[name].filter((_, k) => k !== i) })}
                        >
                          ×
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {draft && (
            <button
              type="button"
              className="btn btn-small"
              aria-label={`${t(`network.${name}`)} — ${t('network.addRow')}`}
              onClick={() => setDraft((d) => d && { ...d, [name]: [...d[name], emptyRow(name)] })}
            >
              {t('network.addRow')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
