import { useEffect, useMemo, useState } from 'react';
import type { Client, Equipment, VaultEntry } from '../../../../shared/schemas';
import type { VaultPlaintext } from '../../../data/vault/crypto';
import { useData } from '../../../data/react';
import { useTranslation } from '../../../i18n';
import { getPlatform } from '../../../platform';
import { InlineField } from '../../../ui/InlineField';
import { PassphraseDialog } from './PassphraseDialog';
import { VaultEntryDialog } from './VaultEntryDialog';

/** A secret put on the clipboard is cleared after this long (if still there). */
export const CLIPBOARD_CLEAR_SECONDS = 30;
/** A revealed secret is hidden again after this long. */
const REVEAL_SECONDS = 30;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('fr');

type Props = {
  client: Client;
  entries: readonly VaultEntry[];
  equipment: readonly Equipment[];
  /** The client's manager on the extranet: reveal and copy only (no add, edit, passphrase change). */
  readOnly?: boolean;
};

/** The unlocked vault: search, reveal, copy (cleared after 30 s), add, edit, change the passphrase. */
export function VaultEntries({ client, entries, equipment, readOnly = false }: Props) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const [search, setSearch] = useState('');
  const [revealed, setRevealed] = useState<{ id: string; plaintext: VaultPlaintext } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ entry?: VaultEntry; plaintext?: VaultPlaintext } | null>(null);
  const [changing, setChanging] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [revealed]);
  const names = useMemo(() => new Map(equipment.map((e) => [e.id, e.name])), [equipment]);
  const visible = useMemo(() => {
    const needle = fold(search.trim());
    return [...entries]
      .filter(
        (e) =>
          !needle ||
          [e.label, e.username ?? '', e.url ?? '', names.get(e.equipmentId ?? '') ?? ''].some((f) =>
            fold(f).includes(needle),
          ),
      )
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, [entries, search, names]);

  const reveal = async (entry: VaultEntry) => {
    if (revealed?.id === entry.id) return setRevealed(null);
    setRevealed({ id: entry.id, plaintext: await data.vault.reveal(entry.id, 'reveal') });
  };
  const copy = async (entry: VaultEntry) => {
    try {
      const { secret } = await data.vault.reveal(entry.id, 'copy');
      await getPlatform().copyToClipboard(secret, CLIPBOARD_CLEAR_SECONDS * 1000);
      setMessage(t('vault.copied', { label: entry.label, seconds: CLIPBOARD_CLEAR_SECONDS }));
    } catch (e) {
      setMessage(t('vault.copyFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const edit = async (entry: VaultEntry) => {
    // Editing shows the secret in the form: it is a reveal too.
    setEditing({ entry, plaintext: await data.vault.reveal(entry.id, 'reveal') });
  };
  return (
    <section className="card" aria-labelledby="vault-entries-title">
      <div className="card-header">
        <h2 id="vault-entries-title" className="visually-hidden">
          {t('vault.columns.label')}
        </h2>
        <InlineField label={t('vault.search')}>
          {(id) => <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </InlineField>
        {!readOnly && (
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setChanging(true)}>
              {t('vault.changePassphrase')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setEditing({})}>
              {t('vault.add')}
            </button>
          </div>
        )}
      </div>
      {message && (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      )}
      {visible.length === 0 ? (
        <p className="muted">{t('vault.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('vault.title', { name: client.name })}</caption>
          <thead>
            <tr>
              {(['label', 'username', 'url', 'equipment', 'actions'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`vault.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={entry.id}>
                <td>
                  {entry.label}
                  {revealed?.id === entry.id && (
                    <div className="vault-secret">
                      <code data-testid="revealed-secret">{revealed.plaintext.secret}</code>
                      {revealed.plaintext.notes && <p className="muted">{revealed.plaintext.notes}</p>}
                    </div>
                  )}
                </td>
                <td className="mono">{entry.username ?? ''}</td>
                <td>{entry.url ? <span className="mono">{entry.url}</span> : ''}</td>
                <td>{entry.equipmentId ? (names.get(entry.equipmentId) ?? '') : ''}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('vault.revealLabel', { label: entry.label })}
                    onClick={() => void reveal(entry)}
                  >
                    {revealed?.id === entry.id ? t('vault.hide') : t('vault.reveal')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t('vault.copyLabel', { label: entry.label })}
                    onClick={() => void copy(entry)}
                  >
                    {t('vault.copy')}
                  </button>
                  {!readOnly && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('vault.editLabel', { label: entry.label })}
                      onClick={() => void edit(entry)}
                    >
                      {t('vault.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <VaultEntryDialog
          clientId={client.id}
          equipment={equipment}
          {...(editing.entry ? { entry: editing.entry } : {})}
          {...(editing.plaintext ? { plaintext: editing.plaintext } : {})}
          onClose={() => setEditing(null)}
        />
      )}
      {changing && <PassphraseDialog clientId={client.id} onClose={() => setChanging(false)} />}
    </section>
  );
}
