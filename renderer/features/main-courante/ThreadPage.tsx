import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { combineLatest } from 'rxjs';
import type { Intervention, LogbookEntry, Receipt } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { isStaff } from '../../data/repositories/logbook';
import { useTranslation } from '../../i18n';
import { Composer } from './Composer';
import { EntryItem } from './EntryItem';
import { correctionsByEntry, lastSeq, receiptsByEntry, searchEntries, shownKind, unreadEntries } from './thread-model';
import './main-courante.css';

/**
 * `/main-courante/:clientId`: a client's thread in the server's order, with the device time of
 * each entry, what is new since the user last read it, a search, and the composer. Reading the
 * thread marks it read; the markers of this visit stay until the user leaves.
 */
export function ThreadPage({ clientId, withBackLink = true }: { clientId: string; withBackLink?: boolean }) {
  const { t } = useTranslation('main-courante');
  const data = useData();
  const live = useLive(
    (d) =>
      combineLatest({
        client: d.clients.get$(clientId),
        entries: d.logbook.byClient$(clientId),
        tickets: d.tickets.byClient$(clientId),
        marks: d.logbook.readMarks$(),
        users: d.users.all$(),
        receipts: d.logbook.receipts$(clientId),
      }),
    [clientId],
  ).data;
  const [query, setQuery] = useState('');
  const [correcting, setCorrecting] = useState<LogbookEntry | null>(null);
  const [interventionsById, setInterventions] = useState(new Map<string, Intervention>());
  const [composerStatus, setComposerStatus] = useState<{ text: string; error: boolean } | null>(null);
  // The read mark as it was when the thread opened: what is "new" on this visit.
  const [openedMark, setOpenedMark] = useState<{ value: number | undefined } | null>(null);
  if (live && openedMark === null) setOpenedMark({ value: live.marks[clientId] });

  const entries = live?.entries;
  useEffect(() => {
    const seq = entries ? lastSeq(entries) : undefined;
    if (seq !== undefined) void data.logbook.markRead(clientId, seq);
  }, [entries, clientId, data.logbook]);

  // The interventions entries link to, read by id (a few), not the client's whole history.
  const linked = useMemo(
    () => [...new Set((entries ?? []).map((e) => e.interventionId).filter((id): id is string => !!id))],
    [entries],
  );
  useEffect(() => {
    if (linked.length === 0) return;
    const subscription = combineLatest(linked.map((id) => data.interventions.get$(id))).subscribe((list) =>
      setInterventions(new Map(list.filter((i) => i !== null).map((i) => [i.id, i]))),
    );
    return () => subscription.unsubscribe();
  }, [linked, data.interventions]);

  const tickets = useMemo(() => new Map((live?.tickets ?? []).map((tk) => [tk.id, tk])), [live?.tickets]);
  if (!live) return <p className="page muted">{t('loading')}</p>;
  const all = live.entries;
  const byId = new Map(all.map((e) => [e.id, e]));
  const corrections = correctionsByEntry(all);
  // Up to where the client's accounts have read: for the staff (a client knows what it read).
  const readBy = isStaff(data.user.role) ? receiptsByEntry(all, live.receipts) : new Map<string, Receipt[]>();
  const unread = new Set(unreadEntries(all, openedMark?.value, data.user.id).map((e) => e.id));
  const shown = searchEntries(all, query, (e) =>
    [t(`kind.${shownKind(e.kind)}`), e.ticketId ? (tickets.get(e.ticketId)?.reference ?? '') : ''].join(' '),
  );
  const firstUnread = shown.find((e) => unread.has(e.id))?.id;
  return (
    <section className="page lead-page main-courante" aria-labelledby="thread-title">
      {withBackLink && <a href={href('/main-courante')}>← {t('back')}</a>}
      <div className="page-header">
        <h1 id="thread-title">{t('threadTitle', { name: live.client?.name ?? clientId })}</h1>
        <label className="field-inline">
          <span>{t('search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="muted">{t(isStaff(data.user.role) ? 'intro' : 'introClient')}</p>
      {query && <p role="status">{t('searchCount', { count: shown.length, total: all.length })}</p>}
      <div className="thread-layout">
        <section className="card" aria-label={t('entriesLabel')}>
          {all.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : shown.length === 0 ? (
            <p className="muted">{t('noMatch')}</p>
          ) : (
            <ol className="thread">
              {shown.map((entry) => (
                <EntryOrDivider key={entry.id} divider={entry.id === firstUnread} label={t('newDivider')}>
                  <EntryItem
                    entry={entry}
                    unread={unread.has(entry.id)}
                    ticket={entry.ticketId ? tickets.get(entry.ticketId) : undefined}
                    intervention={entry.interventionId ? interventionsById.get(entry.interventionId) : undefined}
                    corrects={entry.correctionOf ? byId.get(entry.correctionOf) : undefined}
                    correctedBy={corrections.get(entry.id) ?? []}
                    readBy={readBy.get(entry.id) ?? []}
                    onCorrect={(e) => {
                      setCorrecting(e);
                      document.getElementById('composer-title')?.scrollIntoView({ block: 'start' });
                    }}
                  />
                </EntryOrDivider>
              ))}
            </ol>
          )}
        </section>
        <Composer
          key={correcting?.id ?? 'new'}
          status={composerStatus}
          onStatus={setComposerStatus}
          clientId={clientId}
          tickets={live.tickets}
          users={live.users}
          correcting={correcting}
          onDoneCorrecting={() => setCorrecting(null)}
        />
      </div>
    </section>
  );
}

function EntryOrDivider({ divider, label, children }: { divider: boolean; label: string; children: ReactNode }) {
  return (
    <>
      {divider && (
        <li className="thread-divider" role="separator" aria-label={label}>
          {label}
        </li>
      )}
      {children}
    </>
  );
}
