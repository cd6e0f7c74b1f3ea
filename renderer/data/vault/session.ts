/**
 * The unlocked vaults of this window: per client, the keys derived from its passphrase (never
 * the passphrase itself) and the parameters new entries are encrypted with. Memory only: a
 * reload, a lock, inactivity or the machine going to sleep forgets them all.
 */
import { BehaviorSubject, map, type Observable } from 'rxjs';
import type { KeyParams } from './crypto';

export type UnlockedVault = {
  /** Keys by keyParamsId: entries written under older parameters still open. */
  keys: Map<string, CryptoKey>;
  /** The Argon2id key new and edited entries are encrypted with. */
  current: { params: KeyParams; key: CryptoKey };
};

export function createVaultSession() {
  const unlocked = new BehaviorSubject<ReadonlyMap<string, UnlockedVault>>(new Map());
  return {
    get: (clientId: string): UnlockedVault | undefined => unlocked.value.get(clientId),
    isUnlocked$: (clientId: string): Observable<boolean> => unlocked.pipe(map((m) => m.has(clientId))),
    anyUnlocked$: (): Observable<boolean> => unlocked.pipe(map((m) => m.size > 0)),
    set(clientId: string, vault: UnlockedVault): void {
      unlocked.next(new Map(unlocked.value).set(clientId, vault));
    },
    lock(clientId: string): void {
      const next = new Map(unlocked.value);
      next.delete(clientId);
      unlocked.next(next);
    },
    lockAll(): void {
      if (unlocked.value.size > 0) unlocked.next(new Map());
    },
  };
}

export type VaultSession = ReturnType<typeof createVaultSession>;
