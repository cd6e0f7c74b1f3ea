/**
 * One simulated device for the sync suites: the app's real data layer (RxDB on IndexedDB, the
 * replication, the repositories) without the UI, driven from Playwright through
 * `window.cadranDevice`. Each device is its own browser context, hence its own IndexedDB and
 * its own JavaScript process budget of RxDB collections.
 */
import { firstValueFrom, type Observable } from 'rxjs';
import { contractLedger } from '../../../shared/domain';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/schemas';
import { createSessionManager, openCadranData, type CadranData } from '../../../renderer/data';
import { createWebPlatform } from '../../../renderer/platform/web';
import { idbDocumentsRead } from './idb-reads';
import { knownKeysProbe } from './known-keys-probe';

let data: CadranData | null = null;
const sessions = createSessionManager(createWebPlatform(window));

function need(): CadranData {
  if (!data) throw new Error('sign in first');
  return data;
}

async function open(): Promise<void> {
  const session = sessions.current() ?? (await sessions.restore());
  if (!session) throw new Error('no session');
  data = await openCadranData({ session, sessions });
}

const device = {
  async signIn(email: string, password: string): Promise<void> {
    await sessions.login(window.location.origin, email, password);
    await open();
  },
  /** After a reload: reopen the saved session, as the app does at start. */
  async resume(): Promise<boolean> {
    if (!(await sessions.restore())) return false;
    await open();
    return true;
  },
  state: () => need().sync.getState(),
  /** Documents read back from IndexedDB by this page since it loaded (idb-reads.ts). */
  documentsRead: () => idbDocumentsRead(),
  async awaitInSync(): Promise<void> {
    await need().sync.awaitInSync();
  },
  async waitFor(predicate: string, timeoutMs = 20_000): Promise<void> {
    const check = new Function('state', `return (${predicate})(state);`) as (s: unknown) => boolean;
    const deadline = Date.now() + timeoutMs;
    while (!check(need().sync.getState())) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${predicate}: ${JSON.stringify(need().sync.getState())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  async createTicket(input: { clientId: string; contractId: string; title: string; channel?: 'hotline' | 'onsite' }) {
    return need().tickets.create({ ...input, channel: input.channel ?? 'hotline' });
  },
  async updateTicket(id: string, changes: Record<string, unknown>) {
    return need().tickets.update(id, changes);
  },
  /** A whole intervention, timer started then completed `minutes` later on this device's clock. */
  async recordVisit(input: {
    ticketId: string;
    clientId: string;
    contractId: string;
    minutes: number;
    trips: number;
    endOffsetMinutes: number;
  }) {
    const departure = new Date(Date.now() - input.endOffsetMinutes * 60_000);
    const arrival = new Date(departure.getTime() - input.minutes * 60_000);
    return need().interventions.recordVisit({
      ticketId: input.ticketId,
      clientId: input.clientId,
      contractId: input.contractId,
      channel: 'onsite',
      arrival,
      departure,
      trips: input.trips,
      halfDay: false,
      report: `visite de ${input.minutes} min`,
    });
  },
  /** Every document of every collection, sorted by id, without RxDB metadata. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    const db = need();
    const repos: Partial<Record<CollectionName, { all$(): Observable<{ id: string }[]> }>> = {
      clients: db.clients,
      contracts: db.contracts,
      equipment: db.equipment,
      tickets: db.tickets,
      interventions: db.interventions,
      users: db.users,
    };
    for (const name of COLLECTION_NAMES) {
      const repo = repos[name];
      if (!repo) continue;
      const docs = await firstValueFrom(repo.all$());
      out[name] = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
    }
    return out;
  },
  /** The UT ledger of a contract as this device derives it. */
  async ledger(contractId: string) {
    const db = need();
    const contract = await db.contracts.get(contractId);
    if (!contract) throw new Error(`no contract ${contractId}`);
    const [tickets, equipment, interventions] = await Promise.all([
      firstValueFrom(db.tickets.byClient$(contract.clientId)),
      firstValueFrom(db.equipment.byClient$(contract.clientId)),
      db.interventions.byContract(contractId),
    ]);
    const ledger = contractLedger({ contract, tickets, equipment, interventions });
    return { blocks: ledger.ut.blocks, balance: ledger.ut.balance, consumed: ledger.ut.consumed };
  },
  async close(): Promise<void> {
    await data?.close();
    data = null;
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs an interface.
  interface Window {
    cadranDevice: typeof device;
    cadranKnownKeys: typeof knownKeysProbe;
  }
}
window.cadranDevice = device;
window.cadranKnownKeys = knownKeysProbe;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
