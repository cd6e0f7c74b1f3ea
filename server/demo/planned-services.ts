/**
 * The demo's planned services (modules C–F), planned as a lead does it: the occurrences of
 * each contract year by the same generator (shared/domain plannedOccurrences, occurrenceTicket).
 * Those of the past year mostly done on their day, some late, a few missed or cancelled, so
 * the quality index has something to say; the rest of the current contract year planned and
 * assigned — except for contracts the catalogue leaves for a lead to plan. Coordination days
 * have their compte-rendu by heading and an action plan that the next one takes over.
 */
import {
  contractYearOn,
  occurrenceTicket,
  PLANNED_TITLES,
  plannedOccurrences,
  type PlannedOccurrence,
} from '../../shared/domain';
import type { CoordinationAction, CoordinationReport, Ticket } from '../../shared/schemas';
import { addDays, iso, MINUTE, parisDay, parisInstant } from './clock';
import { type DemoWork, endOf, interventionOf, logbookOf } from './records';
import { validation, type WorkContext } from './work';

const REPORTS = {
  C: 'Mises à jour système et antivirus, contrôle des sauvegardes et de l’espace disque.',
  D: 'Nettoyage des postes, vérification de l’onduleur, du pare-feu et des journaux.',
  E: 'Test de restauration complet et mise à jour du plan de continuité.',
  F: 'Revue du parc, point avec les prestataires tiers, plan d’actions.',
} as const;

/** Worked minutes per sitting: one hour, a half-day, a day in two halves. */
const SITTINGS = { C: [60], D: [180], E: [210, 150], F: [210, 150] } as const;

type Fate = 'done' | 'late' | 'missed' | 'cancelled_client' | 'cancelled_provider' | 'open';

function fateOf(ctx: WorkContext, occurrence: PlannedOccurrence, today: string): Fate {
  if (occurrence.plannedFor >= today) return 'open';
  const r = ctx.random.int(0, 99);
  // A yearly coordination day (module F) past is always held: the demo's next one then has an
  // action plan to take over (the draw above still happens, so the other fates stay as they are).
  if (occurrence.module === 'F') return 'done';
  if (occurrence.dueDate >= today) return r < 75 ? 'done' : 'open';
  if (r < 80) return 'done';
  if (r < 88) return 'late';
  if (r < 94) return 'missed';
  return r < 97 ? 'cancelled_client' : 'cancelled_provider';
}

function coordination(carried: readonly CoordinationAction[], ticket: Ticket, id: () => string): CoordinationReport {
  const reviewed = carried.map((action, i) => ({ ...action, status: i % 2 === 0 ? ('done' as const) : action.status }));
  const day = ticket.plannedFor ?? ticket.dueDate ?? '';
  return {
    sections: {
      actionsDone:
        'Mises à jour mensuelles des serveurs et des postes, remplacement de la batterie de l’onduleur, ' +
        'migration de la messagerie vers la nouvelle offre.',
      completeness: 'Toutes les opérations prévues ont été menées à terme, sauf le recâblage de la baie (reporté).',
      malfunctions: 'Deux coupures de l’accès internet (opérateur) ; une procédure de bascule 4G a été mise en place.',
      improvements: 'Remplacer le commutateur principal (fin de support) et doubler la sauvegarde hors site.',
      upcomingProjects: 'Ouverture d’une agence à Metz au printemps : trois postes et une liaison VPN à prévoir.',
      satisfaction:
        'Le client est satisfait de la réactivité de la hotline ; il souhaite être prévenu avant les redémarrages.',
    },
    satisfactionScore: 4,
    actions: [
      ...reviewed,
      {
        id: id(),
        text: 'Chiffrer le remplacement du commutateur principal',
        owner: 'Prestataire — bureau d’étude',
        dueDate: addDays(day, 45),
        status: 'open',
      },
      {
        id: id(),
        text: 'Valider le budget de la liaison VPN de l’agence de Metz',
        owner: 'Client — direction',
        dueDate: addDays(day, 60),
        status: 'open',
      },
      {
        id: id(),
        text: 'Prévenir l’accueil 48 h avant chaque redémarrage planifié',
        owner: 'Prestataire — technicien référent',
        status: 'in_progress',
      },
    ],
  };
}

export function plannedServices(ctx: WorkContext, options: { planFuture: boolean }): DemoWork {
  const work: DemoWork = { tickets: [], interventions: [], logbook: [] };
  const today = parisDay(ctx.now);
  const firstDay = ctx.days[0] ?? today;
  const contract = ctx.contract;
  const from = contractYearOn(contract.startDate, firstDay).index;
  const to = contractYearOn(contract.startDate, today).index;
  let carried: CoordinationAction[] = [];
  for (let year = from; year <= to; year++) {
    for (const occurrence of plannedOccurrences(contract, year)) {
      if (occurrence.plannedFor < firstDay) continue;
      const fate = fateOf(ctx, occurrence, today);
      if (fate === 'open' && occurrence.plannedFor >= today && !options.planFuture) continue;
      const technician = ctx.random.pick(ctx.technicians);
      const lead = ctx.random.pick(ctx.leads);
      // Planned at the start of its contract year (or when the demo year starts).
      const plannedMs = Math.min(
        parisInstant(occurrence.yearStart < firstDay ? firstDay : occurrence.yearStart, 510),
        ctx.now - MINUTE,
      );
      const base = occurrenceTicket(contract, occurrence, new Date(plannedMs), lead.id, technician.id);
      const workDay =
        fate === 'late' ? ctx.days.find((d) => d > occurrence.dueDate && d < today) : occurrence.plannedFor;
      const worked = (fate === 'done' || fate === 'late') && workDay !== undefined;
      const startMs = parisInstant(
        workDay ?? occurrence.plannedFor,
        SITTINGS[occurrence.module].length > 1 ? 540 : 570,
      );
      let ticket: Ticket = base;
      if (worked || fate.startsWith('cancelled')) {
        const at = worked ? startMs + 8 * 60 * MINUTE : parisInstant(addDays(occurrence.plannedFor, -5), 600);
        const cancellation = fate.startsWith('cancelled')
          ? {
              at: iso(at),
              by: lead.id,
              reason:
                fate === 'cancelled_client'
                  ? 'Le client a demandé l’annulation : locaux fermés pour travaux.'
                  : 'Technicien indisponible, pas de remplaçant ce mois-ci.',
              requestedBy: fate === 'cancelled_client' ? ('client' as const) : ('provider' as const),
            }
          : undefined;
        ticket = {
          ...base,
          status: 'closed',
          ...(cancellation ? { cancellation } : {}),
          updatedAt: iso(at),
          fieldUpdatedAt: { status: iso(at), ...(cancellation ? { cancellation: iso(at) } : {}) },
          history: [
            ...base.history,
            {
              at: iso(at),
              by: worked ? technician.id : lead.id,
              kind: 'edit',
              field: 'status',
              from: '"new"',
              to: '"closed"',
            },
          ],
        };
      }
      work.tickets.push(ticket);
      if (!worked) continue;
      const intervention = interventionOf({
        id: ctx.nextId('iv'),
        ticket,
        technician,
        channel: ticket.channel,
        startMs,
        segmentMinutes: [...SITTINGS[occurrence.module]],
        pauseMinutes: 60,
        trips: ticket.channel === 'onsite' ? 1 : 0,
        report: REPORTS[occurrence.module],
        completed: true,
        ...validation(ctx, startMs + 8 * 60 * MINUTE),
      });
      if (occurrence.module === 'F') {
        const report = coordination(carried, ticket, () => ctx.nextId('act'));
        carried = report.actions
          .filter((a) => a.status === 'open' || a.status === 'in_progress')
          .map((a) => ({ ...a, carriedFrom: intervention.id }));
        intervention.coordination = report;
      }
      work.interventions.push(intervention);
      if (ticket.channel === 'onsite') {
        const entry = logbookOf(
          ctx.nextId('lb'),
          ticket,
          ticket.clientId,
          technician,
          endOf(intervention),
          'planned_service',
          `${PLANNED_TITLES[occurrence.module]} réalisée. ${REPORTS[occurrence.module]}`,
        );
        work.logbook.push({ ...entry, interventionId: intervention.id });
      }
    }
  }
  return work;
}
