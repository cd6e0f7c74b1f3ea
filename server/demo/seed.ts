/**
 * `npm run server -- --demo [--size=large]`: seeds, once (when the database has no client), a
 * realistic year ending today — the demo team, thirty French clients with their contracts,
 * inventories and vaults, a year of tickets and interventions of every channel, planned
 * services, outages, logbook lines — then creates the invoices through the invoice service,
 * as pushes would. Deterministic for a given day (seeded PRNG); every document is validated
 * against shared/schemas before it is written.
 */
import { sql } from 'drizzle-orm';
import { contractCalendar } from '../../shared/domain';
import { type Client, type CollectionName, validateDocument } from '../../shared/schemas';
import { type Database, queryRows } from '../db/database';
import { currentDocuments, writeDocuments } from '../services/document-store';
import { createInvoiceService } from '../services/invoices';
import { createUser, findAccount } from '../services/users';
import { DEMO_CLIENTS } from './catalogue';
import { addDays, parisDay, workingDays } from './clock';
import { DEMO_CLIENT_ACCOUNT, DEMO_PASSWORD, DEMO_PEOPLE } from './people';
import { interruptions, notes, runningTimer } from './planned';
import { plannedServices } from './planned-services';
import { seededRandom } from './random';
import type { DemoWork, Person } from './records';
import { idCounter } from './records';
import { demoReference } from './reference';
import { DEMO_VAULT_PASSPHRASE, demoVaultCipher, demoVaultEntries } from './vault';
import { incidents, type WorkContext } from './work';

export type SeedResult = {
  seeded: boolean;
  summary: string;
  logins: { role: string; name: string; email: string; password: string }[];
};

const SEED_LOCK = [0x0cae, 3] as const;
const AUTHOR = 'demo-seed';
const CHUNK = 500;

async function demoTeam(db: Database): Promise<Map<string, Person & { role: string }>> {
  const team = new Map<string, Person & { role: string }>();
  for (const person of DEMO_PEOPLE) {
    const existing = await findAccount(db.orm, { email: person.email });
    const user = existing ?? (await createUser(db, { ...person, password: DEMO_PASSWORD }, 'server'));
    team.set(person.key, { id: user.id, name: user.name, role: user.role });
  }
  return team;
}

/**
 * The extranet's demo account: the manager of one demo client, granted its vault. Made once the
 * client exists (an account of the client role names existing clients); found again when a
 * previous start stopped between the two.
 */
async function demoClientAccount(db: Database): Promise<void> {
  const { clientId, ...person } = DEMO_CLIENT_ACCOUNT;
  const account =
    (await findAccount(db.orm, { email: person.email })) ??
    (await createUser(db, { ...person, clientIds: [clientId], password: DEMO_PASSWORD }, 'server'));
  const client = (await currentDocuments(db.orm, 'clients', [clientId])).get(clientId)?.doc as Client | undefined;
  if (!client || client.vaultAccess.includes(account.id)) return;
  const doc = { ...client, vaultAccess: [...client.vaultAccess, account.id] };
  await db.orm.transaction((tx) => writeDocuments(tx, 'clients', [{ id: clientId, doc, deleted: false }], AUTHOR));
}

export async function seedDemo(db: Database, options: { size: 'normal' | 'large'; now: Date }): Promise<SeedResult> {
  const logins = [
    ...DEMO_PEOPLE.map((p) => ({ role: p.role, name: p.name, email: p.email, password: DEMO_PASSWORD })),
    {
      role: DEMO_CLIENT_ACCOUNT.role,
      name: DEMO_CLIENT_ACCOUNT.name,
      email: DEMO_CLIENT_ACCOUNT.email,
      password: DEMO_PASSWORD,
    },
    { role: 'vault', name: 'Coffre-fort (phrase de passe)', email: '—', password: DEMO_VAULT_PASSPHRASE },
  ];
  const hasClients = async () =>
    ((
      await queryRows<{ n: number }>(db.orm, sql`select count(*)::int as n from documents where collection = 'clients'`)
    )[0]?.n ?? 0) > 0;
  if (await hasClients()) return { seeded: false, summary: '', logins };

  const team = await demoTeam(db);
  const people = [...team.values()];
  const technicians = people.filter((p) => p.role === 'technician');
  const leads = people.filter((p) => p.role === 'lead');
  const demoTechnician = team.get('technician') as Person;
  const random = seededRandom(options.size === 'large' ? 2027 : 2026);
  const scale = options.size === 'large' ? 20 : 1;
  const now = options.now.getTime();
  const today = parisDay(now);
  const nextId = idCounter();
  const encrypt = demoVaultCipher(random);

  const documents = new Map<CollectionName, Record<string, unknown>[]>();
  const add = (collection: CollectionName, docs: readonly object[]) =>
    documents.set(collection, [...(documents.get(collection) ?? []), ...(docs as Record<string, unknown>[])]);
  const addWork = (work: DemoWork) => {
    add('tickets', work.tickets);
    add('interventions', work.interventions);
    add('logbook', work.logbook);
  };

  DEMO_CLIENTS.forEach((spec, index) => {
    // Leads always hold the vault; the demo technician on every other client, to show both cases.
    const vaultUsers = [
      ...leads.map((l) => l.id),
      ...(index % 2 === 0 ? [demoTechnician.id] : []),
      (technicians[index % technicians.length] as Person).id,
    ];
    const reference = demoReference(spec, index, today, [...new Set(vaultUsers)], random);
    add('clients', [reference.client]);
    add('contracts', [reference.contract]);
    add('equipment', reference.equipment);
    add(
      'vault',
      demoVaultEntries(
        reference.client.id,
        (leads[0] as Person).id,
        reference.client.updatedAt,
        encrypt,
        random,
        reference.equipment.find((e) => e.kind === 'firewall')?.id,
      ),
    );

    const calendar = contractCalendar(reference.contract);
    const ctx: WorkContext = {
      contract: reference.contract,
      equipment: reference.equipment,
      calendar,
      days: workingDays(calendar, addDays(today, -365), today),
      now,
      technicians,
      leads,
      contactName: reference.client.contacts[0]?.name ?? 'Le client',
      nextId,
      random,
    };
    addWork(incidents(ctx, (6 + spec.pcs * 2) * scale));
    addWork(plannedServices(ctx, { planFuture: !spec.leftToPlan }));
    addWork(interruptions(ctx, random.int(2, 4) * (options.size === 'large' ? 3 : 1)));
    addWork(notes(ctx, () => random.pick(technicians), 4));
    if (index === 0) addWork(runningTimer(ctx, demoTechnician));
  });

  // The main courante's order is the server's (serverSeq, stamped as entries are written):
  // the demo writes its entries in time order, as they would have reached the server.
  documents.get('logbook')?.sort((a, b) => (String(a.at) < String(b.at) ? -1 : String(a.at) > String(b.at) ? 1 : 0));
  for (const [collection, docs] of documents) {
    for (const doc of docs) {
      const result = validateDocument(collection, doc, { now });
      if (!result.ok) {
        const { documentId, field, message } = result.failure;
        throw new Error(`demo data: ${collection}/${documentId} is invalid at ${field}: ${message}`);
      }
    }
  }

  const seeded = await db.orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK[0]}, ${SEED_LOCK[1]})`);
    const existing = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from documents where collection = 'clients'`,
    );
    if ((existing[0]?.n ?? 0) > 0) return false;
    for (const [collection, docs] of documents) {
      for (let i = 0; i < docs.length; i += CHUNK) {
        const writes = docs.slice(i, i + CHUNK).map((doc) => ({ id: doc.id as string, doc, deleted: false }));
        await writeDocuments(tx, collection, writes, AUTHOR);
      }
    }
    return true;
  });
  if (!seeded) return { seeded: false, summary: '', logins };
  await demoClientAccount(db);

  // The demo's year is known data: every invoice it owes at once, without the per-pass cap.
  const invoices = await createInvoiceService(db, () => now).reconcileAll(Number.POSITIVE_INFINITY);
  const count = (c: CollectionName) => documents.get(c)?.length ?? 0;
  const summary =
    `${count('clients')} clients, ${count('equipment')} equipment, ${count('tickets')} tickets, ` +
    `${count('interventions')} interventions, ${count('logbook')} logbook entries, ${count('vault')} vault entries, ${invoices} invoices`;
  return { seeded: true, summary, logins };
}
