import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { combineLatest, map } from 'rxjs';
import { isoDay } from '../../../shared/format';
import type { Channel, Client } from '../../../shared/schemas';
import { navigate } from '../../app/router';
import { useData, useLive } from '../../data/react';
import { useFormat, useTranslation } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ChannelOptions } from '../tickets/ChannelOptions';
import { ClientCard } from '../tickets/ClientCard';
import { useClientContext } from '../tickets/useClientContext';
import { useTimerActions } from '../timer/useTimerActions';
import { callIntake } from './call-intake-state';
import { activeContract, searchClients } from './client-search';
import './intake.css';
import { toDateTimeInput } from '../../ui/local-inputs';

/**
 * A call comes in: find the client as they speak, see their situation, open the ticket and
 * start the clock — in one dialog, in seconds. `receivedAt` is stamped when the dialog opened
 * (the moment the call was taken), not when the form is submitted.
 */
function CallIntakeForm() {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  const data = useData();
  const timer = useTimerActions();
  const listId = useId();
  const [receivedAt] = useState(() => new Date());
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [client, setClient] = useState<Client | null>(null);
  const [channel, setChannel] = useState<Channel>('hotline');
  const [equipmentId, setEquipmentId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [movingBack, setMovingBack] = useState(false);
  const [actualTime, setActualTime] = useState(() => toDateTimeInput(receivedAt));
  const [reason, setReason] = useState('');
  const [startNow, setStartNow] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const directory = useLive(
    (d) =>
      combineLatest([d.clients.all$(), d.contracts.all$()]).pipe(
        map(([clients, contracts]) => ({ clients, contracts })),
      ),
    [],
  ).data;
  const matches = useMemo(
    () => (directory && !client ? searchClients(query, directory.clients, directory.contracts) : []),
    [directory, query, client],
  );
  const contract = useMemo(() => {
    if (!client || !directory) return undefined;
    return activeContract(
      directory.contracts.filter((c) => c.clientId === client.id),
      isoDay(receivedAt),
    );
  }, [client, directory, receivedAt]);
  const context = useClientContext(client?.id, contract?.id);

  const choose = (chosen: Client) => {
    setClient(chosen);
    setHighlight(0);
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setHighlight((h) => Math.min(h + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (event.key === 'Enter' && matches[highlight]) {
      event.preventDefault();
      choose(matches[highlight].client);
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!client || !contract) {
      setError(t('pickClient'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ticket = await data.tickets.create({
        clientId: client.id,
        contractId: contract.id,
        channel,
        title,
        description,
        ...(equipmentId ? { equipmentId } : {}),
        receivedAt: movingBack ? new Date(actualTime) : receivedAt,
        ...(movingBack ? { receivedAtReason: reason } : {}),
        assigneeId: data.user.id,
      });
      if (startNow) await timer.start(ticket);
      callIntake.close();
      navigate(`/tickets/${ticket.id}`);
    } catch (e) {
      setError(t('error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="intake">
      <form id="intake-form" className="intake-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('receivedAt', { time: fmt.time(receivedAt) })}</p>
        {!client ? (
          <div className="field">
            <label htmlFor={`${listId}-search`}>{t('search')}</label>
            <input
              id={`${listId}-search`}
              type="search"
              role="combobox"
              aria-expanded={matches.length > 0}
              aria-controls={listId}
              aria-activedescendant={matches[highlight] ? `${listId}-${matches[highlight].client.id}` : undefined}
              autoFocus
              autoComplete="off"
              placeholder={t('searchPlaceholder')}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setHighlight(0);
              }}
              onKeyDown={onSearchKey}
            />
            {query.trim() && (
              <ul id={listId} role="listbox" aria-label={t('results')} className="intake-results">
                {matches.length === 0 && <li className="muted">{t('noResult')}</li>}
                {matches.map((m, i) => (
                  <li
                    key={m.client.id}
                    id={`${listId}-${m.client.id}`}
                    role="option"
                    aria-selected={i === highlight}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(m.client)}
                  >
                    <strong>{m.client.name}</strong>
                    <span className="muted">
                      {m.client.phones[0] ?? ''} · {m.contracts.map((c) => c.number).join(', ')} (
                      {t(`matchedOn.${m.matchedOn}`)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="intake-chosen">
            <strong>{client.name}</strong>
            <button type="button" className="btn" onClick={() => setClient(null)}>
              {t('change')}
            </button>
          </div>
        )}
        {client && !contract && (
          <p role="alert" className="form-error">
            {t('noContract')}
          </p>
        )}
        <div className="field-grid">
          <label className="field">
            <span>{t('channel')}</span>
            <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              <ChannelOptions />
            </select>
          </label>
          <label className="field">
            <span>{t('equipment')}</span>
            <select value={equipmentId} onChange={(e) => setEquipmentId(e.target.value)} disabled={!client}>
              <option value="">{t('noEquipment')}</option>
              {(context?.equipment ?? [])
                .filter((e) => !e.retired)
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                    {e.covered ? ` (${t('covered')})` : ''}
                  </option>
                ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('titleField')}</span>
          <input
            required
            value={title}
            placeholder={t('titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('description')}</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={movingBack} onChange={(e) => setMovingBack(e.target.checked)} />
          {t('moveBack')}
        </label>
        {movingBack && (
          <div className="field-grid">
            <label className="field">
              <span>{t('receivedAtField')}</span>
              <input
                type="datetime-local"
                required
                value={actualTime}
                max={toDateTimeInput(receivedAt)}
                onChange={(e) => setActualTime(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('reason')}</span>
              <input
                required
                value={reason}
                placeholder={t('reasonPlaceholder')}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          </div>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={startNow} onChange={(e) => setStartNow(e.target.checked)} />
          {t('startTimer')}
        </label>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => callIntake.close()}>
            {t('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !contract}>
            {t('submit')}
          </button>
        </div>
      </form>
      {context && contract && (
        <ClientCard context={context} ticket={{ id: '', channel, ...(equipmentId ? { equipmentId } : {}) }} />
      )}
    </div>
  );
}

export function CallIntakeDialog() {
  const { t } = useTranslation('intake');
  const open = callIntake.useOpen();
  return (
    <Dialog open={open} wide title={t('title')} onClose={() => callIntake.close()}>
      {open && <CallIntakeForm />}
    </Dialog>
  );
}
