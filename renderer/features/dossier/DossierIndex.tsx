import { useMemo, useState } from 'react';
import { combineLatest } from 'rxjs';
import { echeances } from '../../../shared/domain';
import { href } from '../../app/router';
import { useLive } from '../../data/react';
import { useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { useToday } from './useEcheances';
import './dossier.css';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('fr');

/** Every client's dossier, found by name, client number or phone in a keystroke (technicians on a call). */
export function DossierIndex() {
  const { t } = useTranslation('dossier');
  const today = useToday();
  const live = useLive((d) => combineLatest({ clients: d.clients.all$(), equipment: d.equipment.all$() }), []).data;
  const [search, setSearch] = useState('');
  const due = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of live ? echeances(live.equipment, today) : [])
      if (e.state === 'expired' || e.state === 'within30') counts.set(e.clientId, (counts.get(e.clientId) ?? 0) + 1);
    return counts;
  }, [live, today]);
  const clients = useMemo(() => {
    const needle = fold(search.trim());
    const digits = needle.replace(/\D/g, '');
    return (live?.clients ?? [])
      .filter(
        (c) =>
          !needle ||
          fold(c.name).includes(needle) ||
          fold(c.code).includes(needle) ||
          (digits.length >= 3 && c.phones.some((p) => p.replace(/\D/g, '').includes(digits))),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [live, search]);
  return (
    <section className="page" aria-labelledby="dossiers-title">
      <h1 id="dossiers-title">{t('index.title')}</h1>
      <p className="muted">{t('index.intro')}</p>
      <div className="lead-filters-row">
        <InlineField label={t('index.search')}>
          {(id) => <input id={id} type="search" autoFocus value={search} onChange={(e) => setSearch(e.target.value)} />}
        </InlineField>
        <span className="muted" role="status">
          {live ? t('index.count', { count: clients.length }) : t('loading')}
        </span>
        <a className="btn" href={href('/echeances')}>
          {t('index.allEcheances')}
        </a>
      </div>
      {live && clients.length === 0 && <p className="muted">{t('index.empty')}</p>}
      <ul className="dossier-index" aria-label={t('index.title')}>
        {clients.map((client) => (
          <li key={client.id} className="card">
            <a className="dossier-index-name" href={href(`/dossier/${client.id}`)}>
              {client.name}
            </a>
            <span className="muted">
              {client.code}
              {client.phones[0] ? ` · ${client.phones[0]}` : ''}
            </span>
            {(due.get(client.id) ?? 0) > 0 && (
              <span className="chip chip-warn">{t('index.due', { count: due.get(client.id) })}</span>
            )}
            <a
              className="btn btn-small"
              href={href(`/dossier/${client.id}/coffre`)}
              aria-label={`${t('index.vault')} — ${client.name}`}
            >
              {t('index.vault')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
