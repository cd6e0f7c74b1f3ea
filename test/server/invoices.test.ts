import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/schemas';
import type { WireDocument } from '../../shared/sync';
import { writeDocuments } from '../../server/services/document-store';
import { createInvoiceService } from '../../server/services/invoices';
import { BACKENDS } from './support/databases';
import { aClient, aContract, aTicket, anIntervention, anInvoice } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';
import { openStream, streamedIds } from './support/sse';

const contract = aContract({
  directDebit: false,
  halfDayBase: 2,
  prices: [
    { from: '2026-01-01', utUnitPrice: '25.00', halfDayUnitPrice: '360.00' },
    { from: '2026-06-01', utUnitPrice: '30.00', halfDayUnitPrice: '380.00' },
  ],
});

const invoicesById = (docs: WireDocument[]) =>
  new Map(docs.map((doc) => [String(doc.id), doc as unknown as Invoice & { _deleted: boolean }]));

describe.each(BACKENDS)('credit invoices on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
    await server.push('lead', 'clients', creations([aClient()]));
    await server.push('tech', 'tickets', creations([aTicket()]));
  });
  afterAll(() => server.close());

  it('invoices the base of each credit at the effective date when the contract arrives', async () => {
    await server.push('lead', 'contracts', creations([contract]));
    const invoices = invoicesById(await server.pullAll('lead', 'invoices'));
    expect(invoices.get('ct-test:ut:1')).toMatchObject({
      contractId: 'ct-test',
      clientId: 'cl-test',
      kind: 'ut',
      block: 1,
      quantity: 16,
      unitPrice: '25.00',
      amountHT: '400.00',
      vat: '80.00',
      amountTTC: '480.00',
      handlingFee: '9.75',
      // 1 January 2026, 00:00 in Paris.
      issuedAt: '2025-12-31T23:00:00.000Z',
    });
    expect(invoices.get('ct-test:ut:1')).not.toHaveProperty('triggeredBy');
    expect(invoices.get('ct-test:half_day:1')).toMatchObject({
      quantity: 2,
      unitPrice: '360.00',
      amountHT: '720.00',
      amountTTC: '864.00',
    });
    expect(invoices.size).toBe(2);
  });

  it('invoices a renewal when the balance reaches zero, at the unit price then in force', async () => {
    const me = server.users.tech.id;
    // 180 min = 12 UT: balance 4, no renewal.
    await server.push(
      'tech',
      'interventions',
      creations([anIntervention({ id: 'iv-a', technicianId: me, minutes: 180, start: '2026-03-02T08:00:00.000Z' })]),
    );
    expect(invoicesById(await server.pullAll('lead', 'invoices')).has('ct-test:ut:2')).toBe(false);
    // + 60 min = 4 UT: balance 0 → block 2 at 25.00.
    await server.push(
      'tech',
      'interventions',
      creations([anIntervention({ id: 'iv-b', technicianId: me, minutes: 60, start: '2026-03-03T08:00:00.000Z' })]),
    );
    // + 240 min = 16 UT after the June revision → block 3 at 30.00.
    await server.push(
      'tech',
      'interventions',
      creations([anIntervention({ id: 'iv-c', technicianId: me, minutes: 240, start: '2026-07-01T07:00:00.000Z' })]),
    );
    const invoices = invoicesById(await server.pullAll('lead', 'invoices'));
    expect(invoices.get('ct-test:ut:2')).toMatchObject({
      block: 2,
      unitPrice: '25.00',
      amountHT: '400.00',
      triggeredBy: 'iv-b',
      issuedAt: '2026-03-03T09:00:00.000Z',
    });
    expect(invoices.get('ct-test:ut:3')).toMatchObject({
      block: 3,
      unitPrice: '30.00',
      amountHT: '480.00',
      vat: '96.00',
      amountTTC: '576.00',
      triggeredBy: 'iv-c',
    });
    expect(invoices.size).toBe(4);
  });

  it('creates each invoice exactly once when devices race', async () => {
    const url = await server.listen();
    const stream = await openStream(url, await server.token('lead'));
    await stream.waitFor((m) => m[0] === 'RESYNC');
    // Eight devices at once, each pushing 16 UT (240 min): eight renewals, blocks 4 to 11.
    const devices = Array.from({ length: 8 }, (_, i) =>
      server.push(
        i % 2 ? 'tech' : 'tech2',
        'interventions',
        creations([
          anIntervention({
            id: `iv-race-${i}`,
            technicianId: server.users[i % 2 ? 'tech' : 'tech2'].id,
            minutes: 240,
            start: `2026-09-${String(i + 1).padStart(2, '0')}T07:00:00.000Z`,
          }),
        ]),
      ),
    );
    expect((await Promise.all(devices)).map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    await createInvoiceService(server.db).reconcileAll();

    const invoices = invoicesById(await server.pullAll('lead', 'invoices'));
    expect(
      [...invoices.keys()]
        .filter((id) => id.startsWith('ct-test:ut:'))
        .sort((a, b) => Number(a.split(':')[2]) - Number(b.split(':')[2])),
    ).toEqual(Array.from({ length: 11 }, (_, i) => `ct-test:ut:${i + 1}`));
    await stream.waitFor((m) => streamedIds(m, 'invoices').includes('ct-test:ut:11'));
    const streamed = streamedIds(stream.messages, 'invoices');
    // Each new invoice was written once: a rewrite would have been streamed again.
    expect(streamed.length).toBe(new Set(streamed).size);
    expect(new Set(streamed)).toEqual(new Set(Array.from({ length: 8 }, (_, i) => `ct-test:ut:${i + 4}`)));
    stream.close();
  });

  it('repairs invoices owed by interventions written without the push path (a crash in between)', async () => {
    await writeDocuments(
      server.db.orm,
      'interventions',
      [
        {
          id: 'iv-crash',
          doc: anIntervention({
            id: 'iv-crash',
            technicianId: server.users.tech.id,
            minutes: 240,
            start: '2026-10-01T07:00:00.000Z',
          }),
          deleted: false,
        },
      ],
      'test',
    );
    expect(invoicesById(await server.pullAll('lead', 'invoices')).has('ct-test:ut:12')).toBe(false);
    expect(await createInvoiceService(server.db).reconcileAll()).toBe(1);
    expect(invoicesById(await server.pullAll('lead', 'invoices')).get('ct-test:ut:12')).toMatchObject({
      triggeredBy: 'iv-crash',
    });
    expect(await createInvoiceService(server.db).reconcileAll()).toBe(0);
  });

  it('keeps invoices from technicians and from device pushes', async () => {
    expect((await server.pull('tech', 'invoices')).statusCode).toBe(403);
    const forged = await server.push('admin', 'invoices', creations([anInvoice({ id: 'ct-test:ut:99', block: 99 })]));
    expect(forged.statusCode).toBe(403);
    expect(forged.json().message).toMatch(/invoices are written by the server only/);
  });
});
