import { describe, expect, it } from 'vitest';
import type { Intervention, Ticket } from '../../../shared/schemas';
import { aContract, aTicket, modules } from '../../testing/documents';
import { DEFAULT_FILTERS, filterTickets, firstStartByTicket, ticketRows, ticketSla } from './derive';

const ticket = (id: string, receivedAt: string, extra: Partial<Ticket> = {}): Ticket =>
  aTicket({ id, receivedAt, status: 'new', title: `Ticket ${id}`, ...extra });

const started = (ticketId: string, start: string): Intervention =>
  ({ id: `i-${ticketId}-${start}`, ticketId, segments: [{ start }] }) as Intervention;

// Friday 27 November 2026, 10:00 Paris = 09:00 UTC.
const contract = aContract();
const TODAY = '2026-11-27';

describe('ticket commitment chips', () => {
  it('counts down while no intervention started, and flags the last ten minutes', () => {
    const t = ticket('a', '2026-11-27T09:00:00.000Z');
    expect(ticketSla(t, contract, undefined, new Date('2026-11-27T09:10:00Z'))).toMatchObject({
      chip: 'running',
      commitment: { remainingMinutes: 20 },
    });
    expect(ticketSla(t, contract, undefined, new Date('2026-11-27T09:21:00Z')).chip).toBe('at_risk');
    expect(ticketSla(t, contract, undefined, new Date('2026-11-27T09:31:00Z')).chip).toBe('breached');
  });

  it('is met or breached by the first intervention start', () => {
    const t = ticket('a', '2026-11-27T09:00:00.000Z');
    const now = new Date('2026-11-27T15:00:00Z');
    expect(ticketSla(t, contract, Date.parse('2026-11-27T09:29:00Z'), now).chip).toBe('met');
    expect(ticketSla(t, contract, Date.parse('2026-11-27T09:31:00Z'), now).chip).toBe('breached');
  });

  it('has no clock without module A, nor for a planned service', () => {
    const t = ticket('a', '2026-11-27T09:00:00.000Z');
    expect(ticketSla(t, aContract({ modules: modules('J') }), undefined, new Date()).chip).toBe('none');
    expect(ticketSla({ ...t, plannedService: 'D' }, contract, undefined, new Date()).chip).toBe('none');
  });

  it('takes the earliest segment start of all the ticket’s interventions', () => {
    const first = firstStartByTicket([
      started('a', '2026-11-27T10:00:00Z'),
      started('a', '2026-11-27T09:15:00Z'),
      started('b', '2026-11-27T11:00:00Z'),
    ]);
    expect(first.get('a')).toBe(Date.parse('2026-11-27T09:15:00Z'));
    expect(first.get('b')).toBe(Date.parse('2026-11-27T11:00:00Z'));
  });
});

describe('ticket list filters', () => {
  const now = new Date('2026-11-27T09:25:00Z');
  const tickets = [
    ticket('a', '2026-11-27T09:00:00.000Z', { assigneeId: 'u-me', title: 'Imprimante Élysée' }),
    ticket('b', '2026-11-27T08:00:00.000Z', { status: 'closed' }),
    ticket('c', '2026-11-26T08:00:00.000Z', { assigneeId: 'u-other', channel: 'onsite' }),
  ];
  const rows = ticketRows(tickets, [], [contract], [], now);

  it('leaves planned services scheduled after today out of the open tickets, under their own filter', () => {
    const planned = (id: string, plannedFor: string) =>
      ticket(id, '2026-11-02T08:00:00.000Z', { plannedService: 'C', plannedFor, dueDate: '2026-12-31' });
    const withPlanned = ticketRows(
      [...tickets, planned('p-today', TODAY), planned('p-next', '2026-12-15'), planned('p-late', '2026-11-20')],
      [],
      [contract],
      [],
      now,
    );
    const ids = (status: 'open' | 'upcoming' | 'any') =>
      filterTickets(withPlanned, { ...DEFAULT_FILTERS, status }, 'u-me', TODAY).map((r) => r.ticket.id);
    expect(ids('open')).toEqual(['a', 'c', 'p-today', 'p-late']);
    expect(ids('upcoming')).toEqual(['p-next']);
    expect(ids('any')).toContain('p-next');
  });

  it('shows open tickets by default, newest call first', () => {
    expect(filterTickets(rows, DEFAULT_FILTERS, 'u-me', TODAY).map((r) => r.ticket.id)).toEqual(['a', 'c']);
  });

  it('narrows to mine, a channel, or a search ignoring accents', () => {
    expect(filterTickets(rows, { ...DEFAULT_FILTERS, scope: 'mine' }, 'u-me', TODAY).map((r) => r.ticket.id)).toEqual([
      'a',
    ]);
    expect(
      filterTickets(rows, { ...DEFAULT_FILTERS, channel: 'onsite' }, 'u-me', TODAY).map((r) => r.ticket.id),
    ).toEqual(['c']);
    expect(
      filterTickets(rows, { ...DEFAULT_FILTERS, search: 'elysee' }, 'u-me', TODAY).map((r) => r.ticket.id),
    ).toEqual(['a']);
  });

  it('sorts by urgency: breached (newest call first), then at risk', () => {
    const sorted = filterTickets(rows, { ...DEFAULT_FILTERS, status: 'any', sort: 'sla' }, 'u-me', TODAY);
    expect(sorted.map((r) => [r.ticket.id, r.sla.chip])).toEqual([
      ['b', 'breached'],
      ['c', 'breached'],
      ['a', 'at_risk'],
    ]);
  });

  it('lists the tickets before the interventions are read, with the commitment still unknown', () => {
    const pending = ticketRows(tickets, [], [contract], undefined, now);
    expect(pending.map((r) => r.sla.chip)).toEqual(['pending', 'pending', 'pending']);
    // Searching and filtering work meanwhile: a technician can open the ticket they are after.
    expect(
      filterTickets(pending, { ...DEFAULT_FILTERS, search: 'elysee' }, 'u-me', TODAY).map((r) => r.ticket.id),
    ).toEqual(['a']);
  });
});
