/**
 * The client's coffre-fort (CP art. 5): entries are read and written encrypted; unlocking
 * derives the keys on the device; every reveal and copy appends an internal `vault_reveal`
 * logbook entry (who, which entry, when, from which device) that syncs and that leads read per
 * client. The server lets only users in the client's `vaultAccess` read or write its entries.
 */
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import type { LogbookEntry, VaultEntry } from '../../../shared/schemas';
import { InvalidStateError } from '../errors';
import { getDocument, newId, plainList$, putDocument, type Store } from '../store';
import {
  type Argon2Params,
  decryptEntry,
  deriveKey,
  DEFAULT_ARGON2,
  encryptEntry,
  keyParamsId,
  keyParamsOf,
  newKeyParams,
  type KeyParams,
  type VaultPlaintext,
  WrongPassphraseError,
} from '../vault/crypto';
import type { UnlockedVault, VaultSession } from '../vault/session';

export type Device = { id: string; name: string };
export type VaultEntryInput = Pick<VaultEntry, 'clientId' | 'label'> &
  Partial<Pick<VaultEntry, 'id' | 'username' | 'url' | 'equipmentId'>> &
  VaultPlaintext;
export type UnlockResult = { unreadable: string[] };

export function createVaultRepository(
  store: Store,
  session: VaultSession,
  device: () => Promise<Device>,
  kdf: Argon2Params = DEFAULT_ARGON2,
) {
  const rx = () => store.db.vault as RxCollection<VaultEntry>;
  const entriesOf = async (clientId: string): Promise<VaultEntry[]> =>
    (await rx().find({ selector: { clientId } }).exec()).map((d) => d.toJSON() as VaultEntry);

  /** Derives one key per parameter set the entries use and keeps those that open their entries. */
  async function open(clientId: string, passphrase: string): Promise<{ vault: UnlockedVault; unreadable: VaultEntry[] }> {
    const entries = await entriesOf(clientId);
    const groups = new Map<string, { params: KeyParams; entries: VaultEntry[] }>();
    for (const entry of entries) {
      const params = keyParamsOf(entry.cipher);
      const id = keyParamsId(params);
      groups.set(id, { params, entries: [...(groups.get(id)?.entries ?? []), entry] });
    }
    const keys = new Map<string, CryptoKey>();
    const unreadable: VaultEntry[] = [];
    let current: UnlockedVault['current'] | undefined;
    for (const [id, group] of groups) {
      const key = await deriveKey(passphrase, group.params);
      try {
        await decryptEntry(key, group.entries[0] as VaultEntry);
        keys.set(id, key);
        if (group.params.algorithm === 'AES-GCM-256/ARGON2ID-1.3') current ??= { params: group.params, key };
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
        unreadable.push(...group.entries);
      }
    }
    if (entries.length > 0 && keys.size === 0) throw new WrongPassphraseError();
    if (!current) {
      const params = newKeyParams(kdf);
      current = { params, key: await deriveKey(passphrase, params) };
      keys.set(keyParamsId(params), current.key);
    }
    return { vault: { keys, current }, unreadable };
  }

  function unlocked(clientId: string): UnlockedVault {
    const vault = session.get(clientId);
    if (!vault) throw new InvalidStateError('the vault of this client is locked');
    return vault;
  }

  async function plaintextOf(entry: VaultEntry): Promise<VaultPlaintext> {
    const key = unlocked(entry.clientId).keys.get(keyParamsId(keyParamsOf(entry.cipher)));
    if (!key) throw new WrongPassphraseError();
    return decryptEntry(key, entry);
  }

  return {
    byClient$: (clientId: string): Observable<VaultEntry[]> =>
      plainList$(rx().find({ selector: { clientId }, sort: [{ clientId: 'asc' }, { id: 'asc' }] })),
    isUnlocked$: session.isUnlocked$,
    anyUnlocked$: session.anyUnlocked$,
    isUnlocked: (clientId: string) => session.get(clientId) !== undefined,
    lock: session.lock,
    lockAll: session.lockAll,

    /** Opens the client's vault; WrongPassphraseError when the passphrase opens none of its entries. */
    async unlock(clientId: string, passphrase: string): Promise<UnlockResult> {
      const { vault, unreadable } = await open(clientId, passphrase);
      session.set(clientId, vault);
      return { unreadable: unreadable.map((e) => e.id) };
    },

    /** The secret and notes of an entry, logged as revealed or copied before they are returned. */
    async reveal(entryId: string, action: 'reveal' | 'copy'): Promise<VaultPlaintext> {
      const entry = await getDocument(store, 'vault', entryId);
      if (!entry) throw new InvalidStateError(`vault entry ${entryId} not found`);
      const plaintext = await plaintextOf(entry);
      const me = await device();
      const at = store.now().toISOString();
      await putDocument(store, 'logbook', {
        id: newId('lb'),
        updatedAt: at,
        clientId: entry.clientId,
        authorId: store.user.id,
        authorName: store.user.name,
        at,
        kind: 'vault_reveal',
        text: `${action === 'copy' ? 'Mot de passe copié' : 'Mot de passe affiché'} : ${entry.label}`,
        internal: true,
        reveal: { entryId: entry.id, action, deviceId: me.id, deviceName: me.name },
      } satisfies LogbookEntry);
      return plaintext;
    },

    /** Adds or edits an entry, encrypted with the client's current key (the vault must be unlocked). */
    async save(input: VaultEntryInput): Promise<VaultEntry> {
      const vault = unlocked(input.clientId);
      const existing = input.id ? await getDocument(store, 'vault', input.id) : null;
      const id = input.id ?? newId('vt');
      const cipher = await encryptEntry(vault.current.key, vault.current.params, { id, clientId: input.clientId }, input);
      return putDocument(store, 'vault', {
        id,
        updatedAt: store.now().toISOString(),
        clientId: input.clientId,
        label: input.label.trim(),
        ...(input.username?.trim() ? { username: input.username.trim() } : {}),
        ...(input.url?.trim() ? { url: input.url.trim() } : {}),
        ...(input.equipmentId ? { equipmentId: input.equipmentId } : {}),
        cipher,
        createdBy: existing?.createdBy ?? store.user.id,
      });
    },

    /**
     * Re-encrypts every entry of the client under a new passphrase (a new salt, the current
     * format), on the device, then syncs them. Refused, changing nothing, when the current
     * passphrase is wrong or some entry does not open with it.
     */
    async changePassphrase(clientId: string, currentPassphrase: string, nextPassphrase: string): Promise<number> {
      const { vault, unreadable } = await open(clientId, currentPassphrase);
      if (unreadable.length > 0)
        throw new InvalidStateError(`${unreadable.length} entries do not open with this passphrase: ${unreadable.map((e) => e.label).join(', ')}`);
      const entries = await entriesOf(clientId);
      const plaintexts = await Promise.all(
        entries.map(async (entry) => {
          const key = vault.keys.get(keyParamsId(keyParamsOf(entry.cipher)));
          if (!key) throw new WrongPassphraseError();
          return decryptEntry(key, entry);
        }),
      );
      const params = newKeyParams(kdf);
      const key = await deriveKey(nextPassphrase, params);
      const at = store.now().toISOString();
      const rewritten = await Promise.all(
        entries.map(async (entry, i) => ({
          ...entry,
          updatedAt: at,
          cipher: await encryptEntry(key, params, entry, plaintexts[i] as VaultPlaintext),
        })),
      );
      for (const entry of rewritten) await putDocument(store, 'vault', entry);
      session.set(clientId, { keys: new Map([[keyParamsId(params), key]]), current: { params, key } });
      return rewritten.length;
    },
  };
}

export type VaultRepository = ReturnType<typeof createVaultRepository>;
export { WrongPassphraseError } from '../vault/crypto';
