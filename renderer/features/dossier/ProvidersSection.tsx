import { useState } from 'react';
import type { Client, Provider } from '../../../shared/schemas';
import { useData } from '../../data/react';
import { useTranslation } from '../../i18n';
import { CopyButton, PhoneLink } from './CopyButton';
import { ProviderDialog } from './ProviderDialog';

/**
 * "Coordonnées et références des prestataires" (CP art. 5): the client's ISP, operators,
 * publishers and manufacturers, with contacts, contract references and support numbers —
 * click to call, click to copy. Technicians keep them up to date too; the client's manager
 * reads them (`readOnly`).
 */
export function ProvidersSection({ client, readOnly = false }: { client: Client; readOnly?: boolean }) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const save = async (providers: Provider[]) => {
    await data.clients.updateDossier(client.id, { providers });
    setEditing(null);
  };
  return (
    <section className="card" aria-labelledby="providers-title">
      <div className="card-header">
        <h2 id="providers-title">{t('providers.title', { count: client.providers.length })}</h2>
        {!readOnly && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('providers.add')}
          </button>
        )}
      </div>
      {client.providers.length === 0 && <p className="muted">{t('providers.none')}</p>}
      <div className="provider-grid">
        {client.providers.map((p, i) => (
          <article key={`${p.name}-${i}`} className="provider-card" aria-label={p.name}>
            <header>
              <h3>{p.name}</h3>
              {p.category && <span className="chip">{t(`providers.categories.${p.category}`)}</span>}
              {!readOnly && (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('providers.edit', { name: p.name })}
                  onClick={() => setEditing(i)}
                >
                  {t('providers.editShort')}
                </button>
              )}
            </header>
            {p.service && <p className="muted">{p.service}</p>}
            <ul className="plain-list">
              {p.phone && (
                <li>
                  <PhoneLink phone={p.phone} />
                  {p.role && <span className="muted"> — {p.role}</span>}
                </li>
              )}
              {p.email && (
                <li>
                  <a href={`mailto:${p.email}`}>{p.email}</a>
                </li>
              )}
              {p.website && <li className="mono">{p.website}</li>}
            </ul>
            {(p.supportNumbers?.length ?? 0) > 0 && (
              <>
                <h4>{t('providers.support')}</h4>
                <ul className="plain-list">
                  {p.supportNumbers?.map((s, k) => (
                    <li key={k}>
                      {s.label} : <PhoneLink phone={s.phone} />
                      {s.hours && <span className="muted"> ({s.hours})</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(p.references?.length ?? 0) > 0 && (
              <>
                <h4>{t('providers.references')}</h4>
                <ul className="plain-list">
                  {p.references?.map((r, k) => (
                    <li key={k}>
                      {r.label} : <span className="mono">{r.reference}</span>{' '}
                      <CopyButton text={r.reference} what={r.label} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(p.contacts?.length ?? 0) > 0 && (
              <>
                <h4>{t('providers.contacts')}</h4>
                <ul className="plain-list">
                  {p.contacts?.map((c, k) => (
                    <li key={k}>
                      {c.name}
                      {c.role && <span className="muted"> ({c.role})</span>}
                      {c.phone && (
                        <>
                          {' '}
                          · <PhoneLink phone={c.phone} />
                        </>
                      )}
                      {c.email && (
                        <>
                          {' '}
                          · <a href={`mailto:${c.email}`}>{c.email}</a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </div>
      {editing !== null && (
        <ProviderDialog
          provider={editing === 'new' ? undefined : client.providers[editing]}
          onClose={() => setEditing(null)}
          onSave={(provider) =>
            save(
              provider === null
                ? client.providers.filter((_, k) => k !== editing)
                : editing === 'new'
                  ? [...client.providers, provider]
                  : client.providers.map((p, k) => (k === editing ? provider : p)),
            )
          }
        />
      )}
    </section>
  );
}
