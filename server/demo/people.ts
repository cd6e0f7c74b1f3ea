/**
 * The demo team. The end-to-end suites sign in as these (test/fixtures/demo-users.ts lists
 * the same emails and password): keep both in step.
 */
import type { Role } from '../../shared/schemas';

export const DEMO_PASSWORD = 'cadran-demo-2026';

export type DemoPerson = { key: string; name: string; email: string; role: Role };

const person = (key: string, name: string, role: Role): DemoPerson => ({
  key,
  name,
  role,
  email: `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ /g, '.')}@demo.cadran.fr`,
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person('lead', 'Claire Lefebvre', 'lead'),
  person('lead2', 'Marc Dubois', 'lead'),
  person('technician', 'Julie Martin', 'technician'),
  person('technician2', 'Thomas Bernard', 'technician'),
  person('technician3', 'Sophie Moreau', 'technician'),
  person('technician4', 'Nicolas Laurent', 'technician'),
  person('technician5', 'Camille Girard', 'technician'),
  person('technician6', 'Antoine Roux', 'technician'),
];

/**
 * The extranet's demo account (role `client`): the manager of Cabinet Durand & Associés, the
 * second demo client (modules A, G, H, I, J: every service level has something to show).
 */
export const DEMO_CLIENT_ACCOUNT = {
  name: 'Hélène Durand',
  email: 'helene.durand@cabinet-durand.demo.fr',
  role: 'client',
  clientId: 'cl-demo-02',
} as const;
