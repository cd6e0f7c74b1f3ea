import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractLedger, firstInterventionStart } from '../../shared/domain';
import { COLLECTION_NAMES, type Intervention, type Ticket } from '../../shared/schemas';
import { aContract, modules } from '../fixtures/documents';
import { CLIENT_RULES, clientWriteRefusal, interventionForClient } from '../../server/services/client-scope';

const client = {
  id: 'u-client',
  name: 'Claire Cliente',
  email: 'c@c.fr',
  role: 'client' as const,
  clientIds: ['cl-1'],
};

describe('the client scoping table', () => {
  it('has a rule for every collection', () => {
    expect(Object.keys(CLIENT_RULES).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('lets a client account write nothing but main courante entries and its reading receipts', () => {
    const writable = COLLECTION_NAMES.filter((c) => clientWriteRefusal(client, c, null, null) === null);
    expect(writable).toEqual(['logbook', 'receipts']);
  });
});

const START = Date.UTC(2026, 2, 2, 8, 0);
const ticket = (id: string, channel: Ticket['channel']): Ticket => ({
  id,
  updatedAt: new Date(START).toISOString(),
  reference: id,
  clientId: 'cl-1',
  contractId: 'ct-test',
  channel,
  nature: 'curative',
  priority: 'normal',
  status: 'closed',
  receivedAt: new Date(START).toISOString(),
  title: 'Appel',
  description: '',
  createdBy: 'u-1',
  createdAt: new Date(START).toISOString(),
  fieldUpdatedAt: {},
  history: [],
});

/** Interventions of 1–4 segments (pauses between them), some still running, some on half-days. */
const interventions = fc
  .array(
    fc.record({
      ticket: fc.integer({ min: 0, max: 3 }),
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 20 }),
      segments: fc.array(
        fc.record({ ms: fc.integer({ min: 0, max: 3 * 3600_000 }), pauseMs: fc.integer({ min: 1, max: 3600_000 }) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      running: fc.boolean(),
      halfDay: fc.boolean(),
      trips: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 25 },
  )
  .map((specs) =>
    specs.map((spec, i): Intervention => {
      let at = START + spec.startMinute * 60_000;
      const segments: Intervention['segments'] = spec.segments.map((s) => {
        const segment = { start: new Date(at).toISOString(), end: new Date(at + s.ms).toISOString() };
        at += s.ms + s.pauseMs;
        return segment;
      });
      const running = spec.running && i % 3 === 0;
      if (running) segments.push({ start: new Date(at).toISOString() });
      return {
        id: `iv-${i}`,
        updatedAt: new Date(at).toISOString(),
        ticketId: `tk-${spec.ticket}`,
        clientId: 'cl-1',
        contractId: 'ct-test',
        technicianId: 'u-1',
        channel: spec.ticket === 3 ? 'onsite' : 'hotline',
        segments,
        trips: spec.trips,
        halfDay: spec.halfDay,
        report: 'Fait.',
        ...(running ? {} : { completedAt: new Date(at).toISOString() }),
        createdAt: segments[0]?.start ?? new Date(START).toISOString(),
      };
    }),
  );

describe('what a client account sees of an intervention', () => {
  it('hides the pauses but keeps every figure its device derives: units, allowance, balances, commitment', () => {
    const contract = aContract({ modules: modules('AGJK'), utBase: 16, halfDayBase: 4 });
    const tickets = [
      ticket('tk-0', 'hotline'),
      ticket('tk-1', 'hotline'),
      ticket('tk-2', 'telemaintenance'),
      ticket('tk-3', 'onsite'),
    ];
    fc.assert(
      fc.property(interventions, (raw) => {
        const seen = raw.map(interventionForClient);
        seen.forEach((intervention, i) => {
          const running = raw[i]?.completedAt === undefined && raw[i]?.segments.at(-1)?.end === undefined;
          expect(intervention.segments.length).toBeLessThanOrEqual(running ? 2 : 1);
        });
        const a = contractLedger({ contract, tickets, equipment: [], interventions: raw });
        const b = contractLedger({ contract, tickets, equipment: [], interventions: seen });
        const figures = (ledger: typeof a) => ({
          ut: { balance: ledger.ut.balance, blocks: ledger.ut.blockEvents, entries: ledger.ut.entries.toArray() },
          halfDays: ledger.halfDays && { balance: ledger.halfDays.balance, entries: ledger.halfDays.entries.toArray() },
          bills: [...ledger.billed.values()].map(({ explanation: _lines, ...bill }) => bill),
        });
        expect(figures(b)).toEqual(figures(a));
        for (const id of ['tk-0', 'tk-1', 'tk-2', 'tk-3']) {
          const of = (list: Intervention[]) => firstInterventionStart(list.filter((i) => i.ticketId === id));
          expect(of(seen)?.getTime()).toBe(of(raw)?.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });
});
