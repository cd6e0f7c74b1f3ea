import { describe, expect, it } from 'vitest';
import type { Client, User } from '../../../shared/schemas';
import { accountRows, invitableRoles } from './accounts-model';

const at = '2026-03-02T09:00:00.000Z';
const user = (over: Partial<User>): User => ({
  id: 'u',
  updatedAt: at,
  name: 'X',
  role: 'technician',
  active: true,
  ...over,
});

describe('the user list', () => {
  it('lists staff first, then client accounts with their clients’ names and pending invitations', () => {
    const clients = [{ id: 'cl-1', name: 'Boulangerie Martin' } as Client];
    const rows = accountRows(
      [
        user({ id: 'u-c', name: 'Ana Client', role: 'client', clientIds: ['cl-1'], passwordChangeRequired: true }),
        user({ id: 'u-t', name: 'Théo', role: 'technician' }),
        user({ id: 'u-l', name: 'Léa', role: 'lead', active: false }),
      ],
      clients,
    );
    expect(rows.map((r) => [r.user.id, r.state, r.clients])).toEqual([
      ['u-l', 'inactive', []],
      ['u-t', 'active', []],
      ['u-c', 'invited', ['Boulangerie Martin']],
    ]);
  });

  it('lets only an admin invite an admin, and technicians nobody', () => {
    expect(invitableRoles('lead')).toEqual(['client', 'technician', 'lead']);
    expect(invitableRoles('admin')).toContain('admin');
    expect(invitableRoles('technician')).toEqual([]);
  });
});
