/**
 * The reveal rule, one for staff and client accounts alike (docs/server.md, "Authorisation
 * matrix"): a `vault_reveal` logbook entry, and only one, carries `reveal`; it is internal
 * (never shown to the client's contact); and its author holds the vault of the entry's client
 * (`vaultAccess` lists them). Pure, as authorisation.ts.
 */
type Doc = Record<string, unknown>;

/** The users allowed into a client's vault (`clients.vaultAccess`), empty for an unknown client. */
export type VaultAccessLookup = (clientId: string) => readonly string[];

/** Refusal of a logbook entry by `userId` under the reveal rule; null when allowed. */
export function vaultRevealRefusal(userId: string, next: Doc, vaultAccess: VaultAccessLookup): string | null {
  const isReveal = next.kind === 'vault_reveal';
  if (isReveal !== (next.reveal !== undefined)) return 'a vault_reveal entry, and only one, carries reveal';
  if (!isReveal) return null;
  if (next.internal !== true) return 'a vault_reveal entry is internal (never shown to the client)';
  if (!vaultAccess(String(next.clientId)).includes(userId))
    return `you are not granted access to the vault of client ${String(next.clientId)}`;
  return null;
}
