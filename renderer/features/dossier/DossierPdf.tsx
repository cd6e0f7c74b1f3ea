import { useState } from 'react';
import { combineLatest } from 'rxjs';
import { href, type Route } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { getPlatform } from '../../platform';
import { useNow } from '../../ui/useNow';
import { coverageStatus } from '../clients/equipment-form';
import { dataUrlOf } from './DiagramPanel';
import { EcheancesTable } from './EcheancesTable';
import { COLUMNS, LIST_NAMES, networkDraft } from './network-form';
import { useEcheances } from './useEcheances';
import '../visits/visits.css';
import './dossier.css';

/**
 * The client's whole dossier on paper (CP art. 5), printed to PDF by the platform: inventory,
 * échéances, providers, networks, the diagram and the vault's entry list — never a secret
 * (they are not even decrypted here).
 */
export function DossierPdf({ route }: { route: Route }) {
  const { t } = useTranslation('dossier');
  const { t: tc } = useTranslation('clients');
  const fmt = useFormat();
  const data = useData();
  const now = useNow(60_000);
  const clientId = route.segments[1] ?? '';
  const [status, setStatus] = useState<string | null>(null);
  const live = useLive(
    (d) =>
      combineLatest({
        client: d.clients.get$(clientId),
        equipment: d.equipment.byClient$(clientId),
        contracts: d.contracts.byClient$(clientId),
        diagrams: d.attachments.diagrams$(clientId),
        vault: d.vault.byClient$(clientId),
      }),
    [clientId],
  ).data;
  const echeances = useEcheances(clientId);
  if (!live) return <p className="page muted">{t('loading')}</p>;
  const { client, equipment, contracts, diagrams, vault } = live;
  if (!client) return <p className="page form-error">{t('notFound')}</p>;
  const today = echeances?.today ?? now.toISOString().slice(0, 10);
  const inService = equipment
    .filter((e) => !e.retired)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }));
  const diagram = diagrams[0];
  const network = networkDraft(client.network);
  const names = new Map(equipment.map((e) => [e.id, e.name]));
  // Entries stay on a device whose access was withdrawn (docs/server.md): list them only while granted.
  const vaultListed = client.vaultAccess.includes(data.user.id) ? vault : [];
  const fileName = `dossier-technique-${client.code.replace(/[^A-Za-z0-9-]+/g, '-')}-${today}.pdf`;
  const print = async () => {
    const result = await getPlatform().printToPdf(fileName);
    setStatus(result.saved && result.path ? t('pdf.saved', { path: result.path }) : null);
  };
  return (
    <article className="page report-sheet dossier-sheet" aria-labelledby="pdf-title">
      <div className="no-print report-toolbar">
        <a href={href(`/dossier/${client.id}`)}>{t('vault.back')}</a>
        <button type="button" className="btn btn-primary" onClick={() => void print()}>
          {t('pdf.export')}
        </button>
        {status && <span role="status">{status}</span>}
      </div>
      <header className="report-header">
        <h1 id="pdf-title">{t('pdf.title')}</h1>
        <p>
          <strong>{client.name}</strong> · {client.code} {client.address ? `· ${client.address}` : ''}
        </p>
        <p className="muted">
          {t('pdf.generated', { date: fmt.dateLong(now), time: fmt.time(now), name: data.user.name })} ·{' '}
          {t('pdf.contract')}
        </p>
      </header>

      <section aria-labelledby="pdf-inventory">
        <h2 id="pdf-inventory">{t('pdf.inventory')}</h2>
        <table className="table">
          <thead>
            <tr>
              {(['name', 'kind', 'serial', 'location', 'coverage'] as const).map((c) => (
                <th key={c} scope="col">
                  {tc(`equipment.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inService.map((item) => {
              const coverage = coverageStatus(item, contracts, today);
              return (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td>{tc(`equipment.kinds.${item.kind}`)}</td>
                  <td className="mono">{item.serial ?? ''}</td>
                  <td>{item.location ?? ''}</td>
                  <td>
                    {tc(
                      `equipment.coverage.${coverage.state}`,
                      'module' in coverage ? { module: coverage.module } : {},
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pdf-echeances">
        <h2 id="pdf-echeances">{t('pdf.echeances')}</h2>
        {echeances && <EcheancesTable list={echeances.list} caption={t('pdf.echeances')} />}
      </section>

      <section aria-labelledby="pdf-providers">
        <h2 id="pdf-providers">{t('pdf.providers')}</h2>
        {client.providers.length === 0 && <p className="muted">{t('providers.none')}</p>}
        {client.providers.map((p, i) => (
          <div key={i} className="pdf-provider">
            <h3>
              {p.name}{' '}
              <span className="muted">
                — {[p.category ? t(`providers.categories.${p.category}`) : '', p.service].filter(Boolean).join(', ')}
              </span>
            </h3>
            <p>
              {[
                p.phone,
                p.email,
                p.website,
                ...(p.supportNumbers ?? []).map((s) => `${s.label} : ${s.phone}${s.hours ? ` (${s.hours})` : ''}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {(p.references?.length ?? 0) > 0 && (
              <p>{p.references?.map((r) => `${r.label} : ${r.reference}`).join(' · ')}</p>
            )}
            {(p.contacts?.length ?? 0) > 0 && (
              <p>{p.contacts?.map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(', ')).join(' · ')}</p>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="pdf-networks">
        <h2 id="pdf-networks">{t('pdf.networks')}</h2>
        {LIST_NAMES.filter((name) => network[name].length > 0).map((name) => (
          <div key={name}>
            <h3>{t(`network.${name}`)}</h3>
            <table className="table">
              <thead>
                <tr>
                  {COLUMNS[name].map((c) => (
                    <th key={c.field} scope="col">
                      {t(`network.fields.${c.label}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {network[name].map((row, i) => (
                  <tr key={i}>
                    {COLUMNS[name].map((c) => (
                      <td key={c.field}>{c.select ? t(`network.linkKinds.${row[c.field]}`) : row[c.field]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <h3>{t('pdf.diagram')}</h3>
        {!diagram && <p className="muted">{t('network.noDiagram')}</p>}
        {diagram && diagram.mediaType !== 'application/pdf' && (
          <img
            className="pdf-diagram"
            src={dataUrlOf(diagram)}
            alt={t('network.alt', { name: client.name, version: diagram.version })}
          />
        )}
        {diagram?.mediaType === 'application/pdf' && (
          <p>{t('pdf.diagramPdf', { file: diagram.fileName, version: diagram.version })}</p>
        )}
      </section>

      <section aria-labelledby="pdf-vault">
        <h2 id="pdf-vault">{t('pdf.vault')}</h2>
        <table className="table">
          <thead>
            <tr>
              {(['label', 'username', 'url', 'equipment'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`vault.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...vaultListed]
              .sort((a, b) => a.label.localeCompare(b.label, 'fr'))
              .map((e) => (
                <tr key={e.id}>
                  <td>{e.label}</td>
                  <td>{e.username ?? ''}</td>
                  <td>{e.url ?? ''}</td>
                  <td>{e.equipmentId ? (names.get(e.equipmentId) ?? '') : ''}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
