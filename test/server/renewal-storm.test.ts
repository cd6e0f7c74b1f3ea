/**
 * A renewal storm (docs/server.md "Invoices"): one pushed intervention makes far more blocks due
 * than a pass issues. The push issues MAX_INVOICES_PER_PASS (20), the server logs the storm and marks
 * those invoices for leads, and background passes issue every remaining invoice exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/schemas';
import { BACKENDS } from './support/databases';
import { aClient, aContract, aTicket, anIntervention } from './support/documents';
import { creations, startTestServer, type TestServer } from './support/server';

const invoicesOf = async (server: TestServer) => (await server.pullAll('lead', 'invoices')) as unknown as Invoice[];

describe.each(BACKENDS)('a renewal storm on %s', (backend) => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(backend, {
      invoiceBacklogIntervalMs: 50,
      config: { logLevel: 'warn' },
      logStream: { write: (line) => void lines.push(line) },
    });
    await server.push('lead', 'clients', creations([aClient()]));
    await server.push('lead', 'contracts', creations([aContract({ utBase: 1 })]));
    await server.push('tech', 'tickets', creations([aTicket()]));
  });
  afterAll(() => server.close());

  it('issues a capped batch at the push, logs and marks it, then issues the rest once', async () => {
    // 24 hours and 20 trips on a 1-UT base: 96 + 80 = 176 renewals.
    const day = anIntervention({ id: 'iv-storm', technicianId: server.users.tech.id, minutes: 24 * 60, trips: 20 });
    const response = await server.push('tech', 'interventions', creations([day]));
    expect(response.statusCode).toBe(200);

    const warning = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => String(l.msg).startsWith('renewal storm'));
    // The push's own pass issued one pass's worth: MAX_INVOICES_PER_PASS.
    expect(warning).toMatchObject({
      level: 40,
      contractId: 'ct-test',
      owed: 176,
      issuing: 20,
      triggeredBy: ['iv-storm'],
    });

    // Background passes issue the rest, each invoice once.
    await expect.poll(async () => (await invoicesOf(server)).length, { timeout: 15_000 }).toBe(177);
    const all = await invoicesOf(server);
    expect(all.map((invoice) => invoice.block).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 177 }, (_, i) => i + 1),
    );
    expect(new Set(all.map((invoice) => invoice.id)).size).toBe(177);
    // Every invoice the storm made due carries its start: what was owed then, and when.
    const marked = all.filter((invoice) => invoice.renewalStorm);
    expect(marked).toHaveLength(176);
    expect(new Set(marked.map((invoice) => JSON.stringify(invoice.renewalStorm))).size).toBe(1);
    expect(marked[0]?.renewalStorm?.owed).toBe(176);
    expect(marked.every((invoice) => invoice.triggeredBy === 'iv-storm')).toBe(true);
    expect(all.find((invoice) => invoice.block === 1)?.renewalStorm).toBeUndefined();
    // No more than one pass's worth was issued by the push itself.
    const passes = lines.filter((line) => line.includes('renewal storm'));
    expect(passes).toHaveLength(1);
  });
});
