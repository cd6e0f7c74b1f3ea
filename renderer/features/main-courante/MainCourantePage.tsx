import { useMemo, useState } from 'react';
import { combineLatest } from 'rxjs';
import { href } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { fold, unreadByClient } from './thread-model';
import './main-courante.css';

/** `/main-courante`: every client's thread, with how many entries are new for this user. */
export function MainCourantePage() {
  const { t } = useTranslation('main-courante');
  const fmt = useFormat();
  const data = useData();
  const [query, setQuery] = useState('');
  const live = useLive(
    (d) => combineLatest({ clients: d.clients.all$(), entries: d.logbook.all$(), marks: d.logbook.readMarks$() }),
    [],
  ).data;
  const rows = useMemo(() => {
    if (!live) return [];
    const unread = unreadByClient(live.entries, live.marks, data.user.id);
    const stats = new Map<string, { count: number; last: string }>();
    for (const e of live.entries) {
      const s = stats.get(e.clientId) ?? { count: 0, last: '' };
      stats.set(e.clientId, { count: s.count + 1, last: e.at > s.last ? e.at : s.last });
    }
    return [...live.clients]
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map((client) => ({
        client,
        unread: unread.get(client.id) ?? 0,
        ...(stats.get(client.id) ?? { count: 0, last: '' }),
      }));
  }, [live, data.user.id]);
  if (!live) return <p className="page muted">{t('loading')}</p>;
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown = rows.filter((r) => words.every((w) => fold(`${r.client.name} ${r.client.code}`).includes(w)));
  return (
    <section className="page lead-page" aria-labelledby="mc-title">
      <div className="page-header">
        <h1 id="mc-title">{t('title')}</h1>
        <label className="field-inline">
          <span>{t('searchClient')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('intro')}</p>
      <section className="card" aria-labelledby="mc-clients">
        <h2 id="mc-clients">{t('clients')}</h2>
        {shown.length === 0 ? (
          <p className="muted">{t('noClient')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('columns.client')}</th>
                <th scope="col" className="num">
                  {t('columns.entries')}
                </th>
                <th scope="col">{t('columns.last')}</th>
                <th scope="col">{t('columns.unread')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.client.id}>
                  <th scope="row">
                    <a href={href(`/main-courante/${r.client.id}`)}>{r.client.name}</a>
                  </th>
                  <td className="num">{r.count}</td>
                  <td>{r.last ? fmt.dateTime(r.last) : '—'}</td>
                  <td>
                    {r.unread > 0 && <span className="chip chip-danger">{t('unreadCount', { count: r.unread })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
