/**
 * The user list as the lead's screen shows it: everyone, staff first then client accounts, each
 * with its state and, for a client account, the names of its clients.
 */
import type { Client, Role, User } from '../../../shared/schemas';

export type AccountState = 'active' | 'invited' | 'inactive';
export type AccountRow = { user: User; state: AccountState; clients: string[] };

const ORDER: Record<Role, number> = { admin: 0, lead: 1, technician: 2, client: 3 };

export function accountState(user: User): AccountState {
  if (!user.active) return 'inactive';
  return user.passwordChangeRequired ? 'invited' : 'active';
}

export function accountRows(users: readonly User[], clients: readonly Client[]): AccountRow[] {
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return users
    .map((user) => ({
      user,
      state: accountState(user),
      clients: (user.clientIds ?? []).map((id) => names.get(id) ?? id),
    }))
    .sort((a, b) => ORDER[a.user.role] - ORDER[b.user.role] || a.user.name.localeCompare(b.user.name, 'fr'));
}

/** Whom a role may invite (the server checks the same: only an admin makes an admin). */
export function invitableRoles(role: Role): Role[] {
  if (role === 'admin') return ['client', 'technician', 'lead', 'admin'];
  if (role === 'lead') return ['client', 'technician', 'lead'];
  return [];
}
