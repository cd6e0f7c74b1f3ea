/**
 * What a report exports: the interventions behind it, one line each (the drill-down, for a
 * spreadsheet), and its breakdowns by client and by technician. Headers are French whatever the
 * screen's language: the exports go to French accounting and to the client.
 */
import { formatTime } from '../../../shared/format';
import type { Client, Contract, Ticket, User } from '../../../shared/schemas';
import { matchingRows, type GroupRow, type Report, type ReportFilter } from './aggregate';
import { COVERAGES, type Coverage } from '../../../shared/domain';
import { REPORT_TIME_ZONE, type ReportFacts } from './facts';
import { isoOfDayNumber } from './local-day';
import type { ExportTable } from './export-table';

export type Names = {
  clients: ReadonlyMap<string, Client>;
  contracts: ReadonlyMap<string, Contract>;
  tickets: ReadonlyMap<string, Ticket>;
  users: ReadonlyMap<string, User>;
};

export const COVERAGE_LABELS_FR: Record<Coverage, string> = {
  planned_service: 'Prestation planifiée (C–F)',
  forfait_servers_network: 'Forfait serveurs et réseau (H)',
  forfait_pc: 'Forfait postes de travail (I)',
  hotline_allowance: 'Forfait hotline (G)',
  half_day: 'Demi-journée',
  ut: 'UT',
};

const CHANNEL_LABELS_FR: Record<string, string> = {
  hotline: 'Hotline',
  telemaintenance: 'Télémaintenance',
  onsite: 'Sur site',
  hosting: 'Salle d’hébergement',
};

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;

/** The interventions of a filter, newest first. */
export function interventionsTable(facts: ReportFacts, filter: ReportFilter, names: Names): ExportTable {
  const rows = matchingRows(facts, filter).map((row) => {
    const itv = facts.interventions[row];
    if (!itv) throw new RangeError(`row ${row}: no intervention`);
    const client = names.clients.get(itv.clientId);
    const start = itv.segments[0]?.start ?? itv.completedAt ?? '';
    return [
      isoOfDayNumber(facts.day[row] ?? 0),
      start ? formatTime(start, 'fr', REPORT_TIME_ZONE).replace(' h ', ':') : null,
      client?.name ?? itv.clientId,
      client?.code ?? null,
      names.contracts.get(itv.contractId)?.number ?? itv.contractId,
      names.tickets.get(itv.ticketId)?.reference ?? itv.ticketId,
      names.users.get(itv.technicianId)?.name ?? itv.technicianId,
      CHANNEL_LABELS_FR[itv.channel] ?? itv.channel,
      COVERAGE_LABELS_FR[COVERAGES[facts.coverage[row] ?? 0] ?? 'ut'],
      Math.round((facts.rawSeconds[row] ?? 0) / 60),
      hours(facts.rawSeconds[row] ?? 0),
      facts.workUnits[row] ?? 0,
      facts.trips[row] ?? 0,
      facts.utConsumed[row] ?? 0,
      facts.halfDays[row] ?? 0,
      facts.validated[row] ? 'Oui' : 'Non',
      itv.report,
    ];
  });
  return {
    name: 'Interventions',
    columns: [
      { header: 'Date', kind: 'date', width: 12 },
      { header: 'Début', kind: 'text', width: 8 },
      { header: 'Client', kind: 'text', width: 28 },
      { header: 'N° client', kind: 'text' },
      { header: 'Contrat', kind: 'text', width: 14 },
      { header: 'Ticket', kind: 'text', width: 14 },
      { header: 'Technicien', kind: 'text', width: 20 },
      { header: 'Canal', kind: 'text', width: 16 },
      { header: 'Couverture', kind: 'text', width: 28 },
      { header: 'Durée brute (min)', kind: 'integer' },
      { header: 'Temps brut (h)', kind: 'decimal', digits: 2 },
      { header: 'UT travail', kind: 'integer' },
      { header: 'Déplacements', kind: 'integer' },
      { header: 'UT débitées', kind: 'integer' },
      { header: 'Demi-journées', kind: 'integer' },
      { header: 'Validée', kind: 'text' },
      { header: 'Compte-rendu', kind: 'text', width: 60 },
    ],
    rows,
  };
}

function groupTable(name: string, first: string, groups: GroupRow[], label: (id: string) => string): ExportTable {
  return {
    name,
    columns: [
      { header: first, kind: 'text', width: 28 },
      { header: 'Interventions', kind: 'integer' },
      { header: 'Temps brut (h)', kind: 'decimal' },
      { header: 'Forfaits (h)', kind: 'decimal' },
      { header: 'UT (h)', kind: 'decimal' },
      { header: 'Demi-journées (h)', kind: 'decimal' },
      { header: 'UT travail', kind: 'integer' },
      { header: 'UT débitées', kind: 'integer' },
      { header: 'Demi-journées débitées', kind: 'integer' },
      { header: 'Déplacements', kind: 'integer' },
    ],
    rows: groups.map(({ id, totals: t }) => [
      label(id),
      t.interventions,
      hours(t.rawSeconds),
      hours(t.forfaitSeconds),
      hours(t.utSeconds),
      hours(t.halfDaySeconds),
      t.workUnits,
      t.utConsumed,
      t.halfDays,
      t.trips,
    ]),
  };
}

/** The report's breakdowns by client and by technician. */
export function breakdownTables(report: Report, names: Names): ExportTable[] {
  return [
    groupTable('Par client', 'Client', report.byClient, (id) => names.clients.get(id)?.name ?? id),
    groupTable('Par technicien', 'Technicien', report.byTechnician, (id) => names.users.get(id)?.name ?? id),
  ];
}

/** "cadran-temps-2026-11-01-au-2026-11-30" */
export function exportFileName(filter: ReportFilter): string {
  const { from, to } = filter.period;
  return from === to ? `cadran-temps-${from}` : `cadran-temps-${from}-au-${to}`;
}
