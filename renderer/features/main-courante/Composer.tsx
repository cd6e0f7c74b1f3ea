import { useState, type FormEvent } from 'react';
import {
  CLIENT_LOGBOOK_KINDS,
  LOGBOOK_KINDS,
  type LogbookAttachment,
  type LogbookEntry,
  type Ticket,
  type User,
} from '../../../shared/schemas';
import { useOnline } from '../../app/useOnline';
import { useData, useLive } from '../../data/react';
import { isStaff, type NewLogbookEntry } from '../../data/repositories/logbook';
import { useFormat, useTranslation } from '../../i18n';
import { attachmentProblem, readAttachment } from './attachments';
import { shownKind } from './thread-model';

type Props = {
  clientId: string;
  tickets: readonly Ticket[];
  users: readonly User[];
  /** The entry being corrected: the form starts from it (the parent keys the form by it). */
  correcting: LogbookEntry | null;
  onDoneCorrecting(): void;
  /** Kept by the parent, so the outcome stays shown when the form is reset. */
  status: { text: string; error: boolean } | null;
  onStatus(status: { text: string; error: boolean } | null): void;
};

const startKind = (entry: LogbookEntry | null): NewLogbookEntry['kind'] => {
  const kind = entry ? shownKind(entry.kind) : 'information';
  return kind === 'vault_reveal' ? 'information' : kind;
};

/** A new entry (or a correction of one): kind, text, links, attachments; written offline. */
export function Composer({
  clientId,
  tickets,
  users,
  correcting,
  onDoneCorrecting,
  status,
  onStatus: setStatus,
}: Props) {
  const { t } = useTranslation('main-courante');
  const fmt = useFormat();
  const data = useData();
  const online = useOnline();
  // Correcting an entry starts from it: same kind, links and text, to be put right.
  const [kind, setKind] = useState<NewLogbookEntry['kind']>(startKind(correcting));
  const [text, setText] = useState(correcting?.text ?? '');
  const [ticketId, setTicketId] = useState(correcting?.ticketId ?? '');
  const [interventionId, setInterventionId] = useState(correcting?.interventionId ?? '');
  const [internal, setInternal] = useState(correcting?.internal ?? false);
  const [attachments, setAttachments] = useState<LogbookAttachment[]>([]);
  const interventions = useLive((d) => d.interventions.byTicket$(ticketId), [ticketId]).data ?? [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  // The server takes only these kinds from a client account (docs/server.md).
  const kinds: readonly NewLogbookEntry['kind'][] = isStaff(data.user.role) ? LOGBOOK_KINDS : CLIENT_LOGBOOK_KINDS;

  async function addFiles(list: FileList | null) {
    const files = [...(list ?? [])];
    const problem = attachmentProblem(attachments, files);
    if (problem) {
      setStatus({
        text:
          problem.kind === 'too_many'
            ? t('composer.tooMany', { max: problem.max })
            : problem.kind === 'too_large'
              ? t('composer.tooLarge', { name: problem.name, maxKb: problem.maxKb })
              : t('composer.unreadable', { name: problem.name }),
        error: true,
      });
      return;
    }
    try {
      const read = await Promise.all(files.map(readAttachment));
      setAttachments([...attachments, ...read]);
      setStatus(null);
    } catch (e) {
      setStatus({ text: t('composer.unreadable', { name: e instanceof Error ? e.message : '' }), error: true });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setStatus({ text: t('composer.textRequired'), error: true });
      return;
    }
    try {
      await data.logbook.append({
        clientId,
        kind,
        text,
        ...(ticketId ? { ticketId } : {}),
        ...(interventionId ? { interventionId } : {}),
        internal,
        ...(correcting ? { correctionOf: correcting.id } : {}),
        attachments,
      });
      setText('');
      setAttachments([]);
      setTicketId('');
      setInterventionId('');
      setInternal(false);
      onDoneCorrecting();
      setStatus({ text: online ? t('composer.added') : t('composer.addedOffline'), error: false });
    } catch (e) {
      setStatus({ text: t('composer.error', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  }

  return (
    <form className="card composer" onSubmit={(e) => void submit(e)} aria-labelledby="composer-title">
      <h2 id="composer-title">{t('composer.title')}</h2>
      {correcting && (
        <p className="notice">
          {t('composer.correcting', { author: correcting.authorName, date: fmt.dateTime(correcting.at) })}{' '}
          <button type="button" className="link-button" onClick={onDoneCorrecting}>
            {t('composer.cancelCorrection')}
          </button>
        </p>
      )}
      <div className="composer-row">
        <label className="field">
          <span>{t('composer.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as NewLogbookEntry['kind'])}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('composer.ticket')}</span>
          <select
            value={ticketId}
            onChange={(e) => {
              setTicketId(e.target.value);
              setInterventionId('');
            }}
          >
            <option value="">{t('composer.noTicket')}</option>
            {tickets.slice(0, 200).map((tk) => (
              <option key={tk.id} value={tk.id}>
                {tk.reference} — {tk.title}
              </option>
            ))}
          </select>
        </label>
        {ticketId && (
          <label className="field">
            <span>{t('composer.intervention')}</span>
            <select value={interventionId} onChange={(e) => setInterventionId(e.target.value)}>
              <option value="">{t('composer.noIntervention')}</option>
              {interventions.map((i) => (
                <option key={i.id} value={i.id}>
                  {t('composer.interventionOption', {
                    date: fmt.dateTime(i.segments[0]?.start ?? i.createdAt),
                    technician: names.get(i.technicianId) ?? i.technicianId,
                  })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="field">
        <span>{t('composer.text')}</span>
        <textarea value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('composer.attachments')}</span>
        <input type="file" multiple onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))} />
      </label>
      {attachments.length > 0 && (
        <ul className="entry-attachments">
          {attachments.map((a, i) => (
            <li key={i}>
              {t('entry.attachment', { name: a.name, size: fmt.number(a.size / 1000, 1) })}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('composer.removeAttachment', { name: a.name })}
                onClick={() => setAttachments(attachments.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {isStaff(data.user.role) && (
        <label className="checkbox">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          {t('composer.internal')}
        </label>
      )}
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary">
          {t('composer.submit')}
        </button>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'form-error' : 'muted'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
