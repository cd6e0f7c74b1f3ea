/**
 * The coordination day's compte-rendu (module F, CP art. 4): its headings, its action plan
 * carried over from the previous coordination day, and the flat text kept as the
 * intervention's `report` (what lists, exports and the quality index read).
 */
import {
  COORDINATION_HEADINGS,
  OPEN_ACTION_STATUSES,
  type CoordinationAction,
  type CoordinationReport,
  type Intervention,
} from '../../../shared/schemas';
import type { OccurrenceRow } from './planning-model';

/** The contract's own headings (CP art. 4), as printed in the report the client receives. */
export const HEADINGS_FR: Record<(typeof COORDINATION_HEADINGS)[number], string> = {
  actionsDone: 'Actions réalisées',
  completeness: 'Complétude des opérations réalisées',
  malfunctions: 'Dysfonctionnements rencontrés et actions mises en place pour les pallier',
  improvements: 'Axes d’amélioration de l’infrastructure',
  upcomingProjects: 'Projets à venir pouvant impacter l’infrastructure',
  satisfaction: 'Satisfaction du client sur les interventions réalisées',
};

const STATUS_FR: Record<CoordinationAction['status'], string> = {
  open: 'à faire',
  in_progress: 'en cours',
  done: 'fait',
  dropped: 'abandonnée',
};

export function emptyReport(): CoordinationReport {
  return {
    sections: {
      actionsDone: '',
      completeness: '',
      malfunctions: '',
      improvements: '',
      upcomingProjects: '',
      satisfaction: '',
    },
    actions: [],
  };
}

/** The latest completed intervention of an occurrence that holds a coordination report. */
export function coordinationOf(row: Pick<OccurrenceRow, 'interventions'>): Intervention | undefined {
  const replaced = new Set(row.interventions.map((i) => i.correctionOf).filter(Boolean));
  return row.interventions
    .filter((i) => i.coordination && i.completedAt && !replaced.has(i.id))
    .sort((a, b) => ((a.completedAt ?? '') < (b.completedAt ?? '') ? 1 : -1))[0];
}

/**
 * The coordination day before `row` on the same contract whose compte-rendu is written: the
 * latest earlier F occurrence (by its day), cancelled ones skipped.
 */
export function previousCoordination(
  rows: readonly OccurrenceRow[],
  row: OccurrenceRow,
): { row: OccurrenceRow; intervention: Intervention } | undefined {
  const earlier = rows
    .filter(
      (r) =>
        r.ticket.plannedService === 'F' &&
        r.ticket.contractId === row.ticket.contractId &&
        r.ticket.id !== row.ticket.id &&
        !r.ticket.cancellation &&
        r.day < row.day,
    )
    .sort((a, b) => (a.day < b.day ? 1 : -1));
  for (const candidate of earlier) {
    const intervention = coordinationOf(candidate);
    if (intervention) return { row: candidate, intervention };
  }
  return undefined;
}

/** The previous plan's actions still open, to review at this coordination day. */
export function carriedActions(previous: Intervention | undefined): CoordinationAction[] {
  return (previous?.coordination?.actions ?? [])
    .filter((a) => OPEN_ACTION_STATUSES.includes(a.status))
    .map((a) => ({ ...a, carriedFrom: previous?.id ?? a.carriedFrom }));
}

/** Whether anything is written: a compte-rendu needs at least one heading filled in. */
export function hasContent(report: CoordinationReport): boolean {
  return COORDINATION_HEADINGS.some((h) => report.sections[h].trim().length > 0);
}

/** The compte-rendu as plain text, headings first, then the action plan. */
export function reportText(report: CoordinationReport, formatDay: (day: string) => string): string {
  const parts = COORDINATION_HEADINGS.filter((h) => report.sections[h].trim()).map(
    (h) => `${HEADINGS_FR[h]}\n${report.sections[h].trim()}`,
  );
  if (report.satisfactionScore !== undefined) parts.push(`Satisfaction : ${report.satisfactionScore}/5`);
  if (report.actions.length > 0) {
    const lines = report.actions.map(
      (a) =>
        `- ${a.text} — ${a.owner}${a.dueDate ? `, pour le ${formatDay(a.dueDate)}` : ''} (${STATUS_FR[a.status]})` +
        (a.carriedFrom ? ' [reprise]' : ''),
    );
    parts.push(`Plan d’actions\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
