/**
 * Reference data: clients, contracts, equipment, users and invoices. Users and invoices are
 * written by the server only; clients and contracts by team leads and admins (the server
 * enforces the same rules — these checks only spare a doomed write).
 */
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import type { Client, Contract, Equipment, Invoice, User } from '../../../shared/schemas';
import { ForbiddenError } from '../errors';
import { getDocument, newId, plainList$, plainOne$, putDocument, type Store } from '../store';

function requireLead(store: Store, what: string): void {
  if (store.user.role !== 'lead' && store.user.role !== 'admin') {
    throw new ForbiddenError(`only team leads and admins edit ${what}`);
  }
}

export function createClientsRepository(store: Store) {
  const rx = () => store.db.clients as RxCollection<Client>;
  return {
    all$: (): Observable<Client[]> => plainList$(rx().find({ sort: [{ id: 'asc' }] })),
    get$: (id: string): Observable<Client | null> => plainOne$(rx().findOne(id)),
    get: (id: string) => getDocument(store, 'clients', id),
    async save(client: Omit<Client, 'id' | 'updatedAt'> & { id?: string }): Promise<Client> {
      requireLead(store, 'clients');
      return putDocument(store, 'clients', { ...client, id: client.id ?? newId('cl'), updatedAt: store.now().toISOString() });
    },
    /**
     * The parts of the dossier technique kept on the client — providers and network list —
     * which technicians keep up to date too (the server allows them these fields only).
     */
    async updateDossier(id: string, patch: Partial<Pick<Client, 'providers' | 'network'>>): Promise<Client> {
      const client = await getDocument(store, 'clients', id);
      if (!client) throw new ForbiddenError(`client ${id} is not on this device`);
      return putDocument(store, 'clients', { ...client, ...patch, updatedAt: store.now().toISOString() });
    },
    /** Who may open the client's vault (leads and admins decide). */
    async setVaultAccess(id: string, vaultAccess: string[]): Promise<Client> {
      requireLead(store, 'vault access');
      const client = await getDocument(store, 'clients', id);
      if (!client) throw new ForbiddenError(`client ${id} is not on this device`);
      return putDocument(store, 'clients', { ...client, vaultAccess, updatedAt: store.now().toISOString() });
    },
  };
}

export function createContractsRepository(store: Store) {
  const rx = () => store.db.contracts as RxCollection<Contract>;
  return {
    all$: (): Observable<Contract[]> => plainList$(rx().find()),
    byClient$: (clientId: string): Observable<Contract[]> => plainList$(rx().find({ selector: { clientId } })),
    get$: (id: string): Observable<Contract | null> => plainOne$(rx().findOne(id)),
    get: (id: string) => getDocument(store, 'contracts', id),
    async save(contract: Omit<Contract, 'id' | 'updatedAt'> & { id?: string }): Promise<Contract> {
      requireLead(store, 'contracts');
      return putDocument(store, 'contracts', {
        ...contract,
        id: contract.id ?? newId('ct'),
        updatedAt: store.now().toISOString(),
      });
    },
  };
}

export function createEquipmentRepository(store: Store) {
  const rx = () => store.db.equipment as RxCollection<Equipment>;
  return {
    all$: (): Observable<Equipment[]> => plainList$(rx().find()),
    byClient$: (clientId: string): Observable<Equipment[]> => plainList$(rx().find({ selector: { clientId } })),
    get: (id: string) => getDocument(store, 'equipment', id),
    /** Technicians keep the inventory up to date on site, so everyone may save equipment. */
    async save(item: Omit<Equipment, 'id' | 'updatedAt'> & { id?: string }): Promise<Equipment> {
      return putDocument(store, 'equipment', { ...item, id: item.id ?? newId('eq'), updatedAt: store.now().toISOString() });
    },
  };
}

export function createUsersRepository(store: Store) {
  const rx = () => store.db.users as RxCollection<User>;
  return {
    all$: (): Observable<User[]> => plainList$(rx().find()),
  };
}

export function createInvoicesRepository(store: Store) {
  const rx = () => store.db.invoices as RxCollection<Invoice>;
  return {
    all$: (): Observable<Invoice[]> => plainList$(rx().find()),
    byContract$: (contractId: string): Observable<Invoice[]> => plainList$(rx().find({ selector: { contractId } })),
  };
}
