/** Valid documents of every collection for server tests; override what the test is about. */
import type {
  Attachment,
  Equipment,
  Intervention,
  Invoice,
  LogbookEntry,
  Receipt,
  Ticket,
  User,
  VaultEntry,
} from '../../../shared/schemas';
import { aClient, aContract, modules } from '../../fixtures/documents';

export { aClient, aContract, modules };

const at = '2026-03-02T09:00:00.000Z';

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'tk-1',
    updatedAt: at,
    reference: 'T-2603-AAAA',
    clientId: 'cl-test',
    contractId: 'ct-test',
    channel: 'hotline',
    nature: 'curative',
    priority: 'normal',
    status: 'new',
    receivedAt: at,
    title: 'Imprimante hors ligne',
    description: 'Le copieur n’apparaît plus.',
    createdBy: 'u-someone',
    createdAt: at,
    fieldUpdatedAt: {},
    history: [],
    ...overrides,
  };
}

export function anEquipment(overrides: Partial<Equipment> = {}): Equipment {
  return {
    id: 'eq-1',
    updatedAt: at,
    clientId: 'cl-test',
    kind: 'pc',
    name: 'Poste 01',
    covered: false,
    expiries: [],
    retired: false,
    ...overrides,
  };
}

/** A completed intervention of `minutes` minutes starting at `start`. */
export function anIntervention(
  overrides: Partial<Intervention> & { minutes?: number; start?: string } = {},
): Intervention {
  const { minutes = 30, start = at, ...rest } = overrides;
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return {
    id: 'iv-1',
    updatedAt: end,
    ticketId: 'tk-1',
    clientId: 'cl-test',
    contractId: 'ct-test',
    technicianId: 'u-someone',
    channel: 'hotline',
    segments: [{ start, end }],
    trips: 0,
    halfDay: false,
    report: 'Fait.',
    completedAt: end,
    createdAt: start,
    ...rest,
  };
}

export function aLogbookEntry(overrides: Partial<LogbookEntry> = {}): LogbookEntry {
  return {
    id: 'lb-1',
    updatedAt: at,
    clientId: 'cl-test',
    authorId: 'u-someone',
    authorName: 'Quelqu’un',
    at,
    kind: 'information',
    text: 'Appel du client.',
    internal: false,
    ...overrides,
  };
}

export function aVaultEntry(overrides: Partial<VaultEntry> = {}): VaultEntry {
  return {
    id: 'vt-1',
    updatedAt: at,
    clientId: 'cl-test',
    label: 'Box internet',
    cipher: {
      algorithm: 'AES-GCM-256/PBKDF2-SHA256',
      iterations: 210_000,
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      iv: 'AAAAAAAAAAAAAAAA',
      ciphertext: 'c2VjcmV0',
    },
    createdBy: 'u-someone',
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return { id: 'u-x', updatedAt: at, email: 'x@test.fr', name: 'X', role: 'technician', active: true, ...overrides };
}

export function anInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'ct-test:ut:9',
    updatedAt: at,
    contractId: 'ct-test',
    clientId: 'cl-test',
    kind: 'ut',
    block: 9,
    quantity: 16,
    unitPrice: '25.00',
    amountHT: '400.00',
    vat: '80.00',
    amountTTC: '480.00',
    handlingFee: '0.00',
    issuedAt: at,
    ...overrides,
  };
}

/** A tiny PNG-typed network diagram (the bytes need not be an image for the server). */
export function anAttachment(overrides: Partial<Attachment> = {}): Attachment {
  return {
    id: 'at-1',
    updatedAt: at,
    clientId: 'cl-test',
    purpose: 'network_diagram',
    version: 1,
    fileName: 'synoptique.png',
    mediaType: 'image/png',
    size: 6,
    sha256: '0'.repeat(64),
    data: 'c2NoZW1h',
    createdBy: 'u-someone',
    createdAt: at,
    ...overrides,
  };
}

export function aReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    id: 'rc-1',
    updatedAt: at,
    clientId: 'cl-test',
    userId: 'u-client',
    userName: 'Claire Cliente',
    readUpTo: 12,
    readAt: at,
    ...overrides,
  };
}
