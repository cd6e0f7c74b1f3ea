import { describe, expect, it } from 'vitest';
import { plannedOccurrences, occurrenceTicket, type PlannedTicket } from '../../../shared/domain';
import { aClient, aContract, anIntervention, aUser } from '../../testing/documents';
import { carriedActions, emptyReport, hasContent, previousCoordination, reportText } from './coordination-model';
import { groupRows, mondayOf, occurrenceRows, stepAnchor, viewWeeks } from './planning-model';

const contract = aContract({
  id: 'ct-1',
  clientId: 'cl-1',
  startDate: '2026-01-15',
  modules: { ...aContract().modules, C: { active: true, quantity: 12 }, F: { active: true } },
});

function planned(index: number, module: 'C' | 'F' = 'C', year = 0): PlannedTicket {
  const occurrence = plannedOccurrences(contract, year).filter((o) => o.module === module)[index];
  if (!occurrence) throw new Error('no such occurrence');
  return occurrenceTicket(contract, occurrence, new Date('2026-01-10T09:00:00Z'), 'u-lead') as PlannedTicket;
}

describe('planning views', () => {
  it('shows the working week, Monday to Friday', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(viewWeeks('week', '2026-12-03')).toEqual([
      ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'],
    ]);
  });

  it('adds the weekend only when something sits on it', () => {
    expect(viewWeeks('week', '2026-12-03', new Set(['2026-12-05']))[0]).toHaveLength(7);
  });

  it('covers a month with the weeks touching it', () => {
    const weeks = viewWeeks('month', '2026-03-18');
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[0]).toBe('2026-03-30');
    expect(weeks).toHaveLength(6);
  });

  it('steps a week or a month', () => {
    expect(stepAnchor('week', '2026-12-03', -1)).toBe('2026-11-26');
    expect(stepAnchor('month', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
  });
});

describe('occurrenceRows', () => {
  const users = [aUser({ id: 'u-julie', name: 'Julie Martin' }), aUser({ id: 'u-thomas', name: 'Thomas Bernard' })];
  const clients = [aClient({ id: 'cl-1', name: 'Mercier' })];

  it('gives each occurrence its status from its interventions', () => {
    const first = { ...planned(0), assigneeId: 'u-julie' };
    const second = planned(1);
    const done = anIntervention({
      id: 'iv-1',
      ticketId: first.id,
      contractId: 'ct-1',
      clientId: 'cl-1',
      start: '2026-01-15 09:00',
      minutes: 60,
      report: 'Mises à jour appliquées.',
    });
    const rows = occurrenceRows(
      { planned: [second, first], interventions: [done], contracts: [contract], clients, users },
      '2026-02-20',
    );
    expect(rows.map((r) => [r.day, r.status, r.technician?.name])).toEqual([
      ['2026-01-15', 'on_time', 'Julie Martin'],
      // Planned on Monday 16 February, due by the 28th: to do.
      ['2026-02-16', 'to_do', undefined],
    ]);
    expect(groupRows(rows, 'technician', 'Non attribuées').map((g) => [g.label, g.rows.length])).toEqual([
      ['Non attribuées', 1],
      ['Julie Martin', 1],
    ]);
    expect(groupRows(rows, 'client', '').map((g) => g.label)).toEqual(['Mercier']);
  });
});

describe('coordination days', () => {
  it('carries the previous plan’s open actions over to the next coordination day', () => {
    const last = planned(0, 'F', 0);
    const next = planned(0, 'F', 1);
    const report = {
      ...emptyReport(),
      sections: { ...emptyReport().sections, actionsDone: 'Migration de la messagerie.' },
      actions: [
        {
          id: 'a1',
          text: 'Remplacer le commutateur',
          owner: 'Prestataire',
          dueDate: '2026-03-01',
          status: 'open' as const,
        },
        { id: 'a2', text: 'Former l’accueil', owner: 'Client', status: 'done' as const },
        { id: 'a3', text: 'Doubler la sauvegarde', owner: 'Prestataire', status: 'in_progress' as const },
      ],
    };
    const iv = anIntervention({
      id: 'iv-f1',
      ticketId: last.id,
      contractId: 'ct-1',
      clientId: 'cl-1',
      start: '2026-01-15 09:00',
      minutes: 360,
      report: 'x',
      coordination: report,
    });
    const rows = occurrenceRows(
      { planned: [last, next], interventions: [iv], contracts: [contract], clients: [], users: [] },
      '2026-12-01',
    );
    const target = rows.find((r) => r.ticket.id === next.id);
    if (!target) throw new Error('no next F day');
    const previous = previousCoordination(rows, target);
    expect(previous?.intervention.id).toBe('iv-f1');
    expect(carriedActions(previous?.intervention).map((a) => [a.id, a.status, a.carriedFrom])).toEqual([
      ['a1', 'open', 'iv-f1'],
      ['a3', 'in_progress', 'iv-f1'],
    ]);
    expect(hasContent(emptyReport())).toBe(false);
    expect(hasContent(report)).toBe(true);
    expect(reportText({ ...report, satisfactionScore: 4 }, (d) => d.split('-').reverse().join('/'))).toBe(
      'Actions réalisées\nMigration de la messagerie.\n\nSatisfaction : 4/5\n\nPlan d’actions\n' +
        '- Remplacer le commutateur — Prestataire, pour le 01/03/2026 (à faire)\n' +
        '- Former l’accueil — Client (fait)\n' +
        '- Doubler la sauvegarde — Prestataire (en cours)',
    );
  });
});
