import { useMemo, useState } from 'react';
import { echeanceCounts } from '../../../shared/domain';
import { useTranslation } from '../../i18n';
import { InlineField } from '../../ui/InlineField';
import { EcheancesTable } from './EcheancesTable';
import { useEcheances } from './useEcheances';
import './dossier.css';

type Filter = 'watch' | 'all';

/** Every client's échéances in one list (for leads first): what expired, what expires within 30 and 90 days. */
export function EcheancesPage() {
  const { t } = useTranslation('dossier');
  const view = useEcheances();
  const [filter, setFilter] = useState<Filter>('watch');
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    if (!view) return [];
    const needle = search.trim().toLocaleLowerCase('fr');
    return view.list.filter(
      (e) =>
        (filter === 'all' || e.state !== 'later') &&
        (!needle ||
          e.equipmentName.toLocaleLowerCase('fr').includes(needle) ||
          (view.clients.get(e.clientId)?.name ?? '').toLocaleLowerCase('fr').includes(needle)),
    );
  }, [view, filter, search]);
  const counts = view ? echeanceCounts(view.list) : null;
  return (
    <section className="page lead-page" aria-labelledby="echeances-title">
      <h1 id="echeances-title">{t('echeances.title')}</h1>
      <p className="muted">{t('echeances.intro')}</p>
      <div className="lead-filters-row">
        <InlineField label={t('echeances.filter')}>
          {(id) => (
            <select id={id} value={filter} onChange={(e) => setFilter(e.target.value === 'all' ? 'all' : 'watch')}>
              <option value="watch">{t('echeances.filters.watch')}</option>
              <option value="all">{t('echeances.filters.all')}</option>
            </select>
          )}
        </InlineField>
        <InlineField label={t('echeances.search')}>
          {(id) => <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </InlineField>
        {counts && (
          <span role="status" className="muted">
            {t('echeances.counts', counts)}
          </span>
        )}
      </div>
      <div className="card">
        {view ? (
          <EcheancesTable list={visible} clients={view.clients} caption={t('echeances.title')} />
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </div>
    </section>
  );
}
