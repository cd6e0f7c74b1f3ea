import { useState } from 'react';
import type { Equipment, VaultEntry } from '../../../../shared/schemas';
import type { VaultPlaintext } from '../../../data/vault/crypto';
import { useData } from '../../../data/react';
import { useTranslation } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../clients/Field';

type Props = {
  clientId: string;
  equipment: readonly Equipment[];
  entry?: VaultEntry;
  plaintext?: VaultPlaintext;
  onClose(): void;
};

/** Adds or edits a vault entry; the secret and notes are encrypted before anything is stored. */
export function VaultEntryDialog({ clientId, equipment, entry, plaintext, onClose }: Props) {
  const { t } = useTranslation('dossier');
  const data = useData();
  const [label, setLabel] = useState(entry?.label ?? '');
  const [username, setUsername] = useState(entry?.username ?? '');
  const [url, setUrl] = useState(entry?.url ?? '');
  const [equipmentId, setEquipmentId] = useState(entry?.equipmentId ?? '');
  const [secret, setSecret] = useState(plaintext?.secret ?? '');
  const [notes, setNotes] = useState(plaintext?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!label.trim() || !secret) return setError(t('vault.required'));
    try {
      await data.vault.save({
        clientId,
        ...(entry ? { id: entry.id } : {}),
        label,
        username,
        url,
        ...(equipmentId ? { equipmentId } : {}),
        secret,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      onClose();
    } catch (e) {
      setError(t('vault.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <Dialog
      open
      wide
      title={entry ? t('vault.dialogEdit') : t('vault.dialogNew')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('vault.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()}>
            {t('vault.save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <Field label={t('vault.label')} value={label} onChange={setLabel} required />
        <Field label={t('vault.username')} value={username} onChange={setUsername} autoComplete="off" />
        <Field label={t('vault.url')} value={url} onChange={setUrl} />
        <div className="field">
          <label htmlFor="vault-equipment">{t('vault.equipment')}</label>
          <select id="vault-equipment" value={equipmentId} onChange={(e) => setEquipmentId(e.target.value)}>
            <option value="">{t('vault.noEquipment')}</option>
            {equipment
              .filter((e) => !e.retired || e.id === equipmentId)
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
        </div>
        <Field
          label={t('vault.secret')}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={setSecret}
          required
        />
      </div>
      <Field label={t('vault.notes')} multiline value={notes} onChange={setNotes} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
