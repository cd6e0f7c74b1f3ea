import type { Intervention, LogbookEntry, Receipt, Ticket } from '../../../shared/schemas';
import { href } from '../../app/router';
import { useData } from '../../data/react';
import { isStaff } from '../../data/repositories/logbook';
import { useFormat, useTranslation } from '../../i18n';
import { shownKind } from './thread-model';

type Props = {
  entry: LogbookEntry;
  unread: boolean;
  ticket: Ticket | undefined;
  intervention: Intervention | undefined;
  corrects: LogbookEntry | undefined;
  correctedBy: readonly LogbookEntry[];
  /** The client's accounts whose reading stopped at this entry. */
  readBy: readonly Receipt[];
  onCorrect(entry: LogbookEntry): void;
};

/** One entry of the thread: who, what kind, when (device time), its links, attachments and corrections. */
export function EntryItem({ entry, unread, ticket, intervention, corrects, correctedBy, readBy, onCorrect }: Props) {
  const { t } = useTranslation('main-courante');
  const fmt = useFormat();
  const me = useData().user;
  // A client's manager reads its tickets on the extranet's home and the comptes-rendus on their
  // own screen, and corrects only what it wrote itself (the staff's entries are theirs to correct).
  const staff = isStaff(me.role);
  const kind = shownKind(entry.kind);
  const written = fmt.dateTime(entry.at);
  return (
    <li
      id={`entry-${entry.id}`}
      className={[
        'entry',
        unread ? 'entry-unread' : '',
        entry.internal ? 'entry-internal' : '',
        correctedBy.length ? 'entry-corrected' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-label={t('entry.label', { author: entry.authorName, kind: t(`kind.${kind}`), date: written })}
    >
      <div className="entry-head">
        <span className={`chip entry-kind entry-kind-${kind}`}>{t(`kind.${kind}`)}</span>
        <strong>{entry.authorName}</strong>
        <time dateTime={entry.at} className="muted">
          {t('entry.written', { date: written })}
        </time>
        {entry.internal && <span className="chip chip-warn">{t('entry.internal')}</span>}
        {entry.serverSeq === undefined && <span className="chip chip-info">{t('entry.pending')}</span>}
        {unread && <span className="chip chip-danger entry-new">{t('entry.unread')}</span>}
      </div>
      {corrects && (
        <p className="entry-correction">
          <a
            href={`#entry-${corrects.id}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`entry-${corrects.id}`)?.scrollIntoView({ block: 'center' });
            }}
          >
            {t('entry.correctionOf', { author: corrects.authorName, date: fmt.dateTime(corrects.at) })}
          </a>
        </p>
      )}
      <p className="prewrap entry-text">{entry.text}</p>
      {(ticket || intervention) && (
        <p className="entry-links">
          {ticket &&
            (staff ? (
              <a href={href(`/tickets/${ticket.id}`)}>{t('entry.ticket', { reference: ticket.reference })}</a>
            ) : (
              <span>{t('entry.ticketOf', { reference: ticket.reference, title: ticket.title })}</span>
            ))}
          {intervention && (
            <a href={href(staff ? `/interventions/${intervention.id}` : `/comptes-rendus/${intervention.id}`)}>
              {t('entry.intervention', { date: fmt.date(intervention.segments[0]?.start ?? intervention.createdAt) })}
            </a>
          )}
        </p>
      )}
      {entry.attachments && entry.attachments.length > 0 && (
        <ul className="entry-attachments" aria-label={t('entry.attachments')}>
          {entry.attachments.map((a, i) => (
            <li key={i}>
              <a href={a.dataUrl} download={a.name}>
                {t('entry.attachment', { name: a.name, size: fmt.number(a.size / 1000, 1) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {correctedBy.map((c) => (
        <p key={c.id} className="entry-correction">
          {t('entry.correctedBy', { author: c.authorName, date: fmt.dateTime(c.at) })}
        </p>
      ))}
      {readBy.map((r) => (
        <p key={r.userId} className="entry-receipt">
          {t('entry.readBy', { name: r.userName, date: fmt.dateTime(r.readAt) })}
        </p>
      ))}
      {entry.kind !== 'vault_reveal' && (staff || entry.authorId === me.id) && (
        <button type="button" className="link-button entry-correct" onClick={() => onCorrect(entry)}>
          {t('entry.correct')}
        </button>
      )}
    </li>
  );
}
