/**
 * The demo's scheduled work and outages for one client: the planned services of modules C–F
 * (monthly telemaintenance, monthly preventive half-day, yearly PCA and coordination days —
 * most done by their due date, a few late or missed, for the quality index), interruptions of
 * the hosted platform with GTR/IMS stakes (modules K/L), logbook notes, and one timer left
 * running for the demo technician.
 */
import { addBusinessMinutes } from '../../shared/domain';
import type { PlannedService, Ticket } from '../../shared/schemas';
import { addDays, endOfMonth, iso, MINUTE, parisDay, parisInstant } from './clock';
import { type DemoWork, endOf, interventionOf, logbookOf, type Person, ticketOf } from './records';
import { validation, type WorkContext } from './work';

const PLANNED: Record<
  PlannedService,
  { title: string; channel: Ticket['channel']; minutes: number[]; yearly: boolean; report: string }
> = {
  C: {
    title: 'Télémaintenance planifiée',
    channel: 'telemaintenance',
    minutes: [60],
    yearly: false,
    report: 'Mises à jour système et antivirus, contrôle des sauvegardes et de l’espace disque.',
  },
  D: {
    title: 'Demi-journée préventive',
    channel: 'onsite',
    minutes: [180],
    yearly: false,
    report: 'Nettoyage des postes, vérification de l’onduleur, du pare-feu et des journaux.',
  },
  E: {
    title: 'Journée PCA',
    channel: 'onsite',
    minutes: [210, 150],
    yearly: true,
    report: 'Test de restauration complet et mise à jour du plan de continuité.',
  },
  F: {
    title: 'Journée de coordination',
    channel: 'onsite',
    minutes: [210, 150],
    yearly: true,
    report: 'Revue du parc, point avec les prestataires tiers, plan d’actions.',
  },
};

export function plannedServices(ctx: WorkContext): DemoWork {
  const work: DemoWork = { tickets: [], interventions: [], logbook: [] };
  const today = parisDay(ctx.now);
  const firstDay = ctx.days[0] ?? today;
  for (const code of ['C', 'D', 'E', 'F'] as const) {
    if (!ctx.contract.modules[code].active) continue;
    const spec = PLANNED[code];
    for (let month = endOfMonth(firstDay); month <= endOfMonth(today); month = endOfMonth(addDays(month, 1))) {
      if (spec.yearly && month.slice(5, 7) !== '06') continue;
      const dueDate = month;
      const monthDays = ctx.days.filter((d) => d.slice(0, 7) === month.slice(0, 7));
      const opened = monthDays[0];
      if (!opened) continue;
      const technician = ctx.random.pick(ctx.technicians);
      const past = dueDate < today;
      // 85 % done in the month, some late (the next month), a few missed.
      const fate = !past ? 'open' : ctx.random.chance(0.85) ? 'done' : ctx.random.chance(0.6) ? 'late' : 'missed';
      const workDay =
        fate === 'late'
          ? ctx.days.find((d) => d > dueDate)
          : ctx.random.pick(monthDays.slice(0, -1).length ? monthDays.slice(0, -1) : monthDays);
      const startMs = workDay ? parisInstant(workDay, spec.minutes.length > 1 ? 540 : 570) : ctx.now;
      const worked = fate === 'done' || (fate === 'late' && startMs < ctx.now - 86_400_000);
      const ticket = ticketOf({
        id: ctx.nextId('tk'),
        reference: `P-${month.slice(2, 4)}${month.slice(5, 7)}-${code}${ctx.random.token(3)}`,
        clientId: ctx.contract.clientId,
        contractId: ctx.contract.id,
        channel: spec.channel,
        nature: 'preventive',
        priority: 'normal',
        status: worked ? 'closed' : 'new',
        receivedAt: iso(parisInstant(opened, 510)),
        assigneeId: technician.id,
        title: `${spec.title} — ${month.slice(0, 7)}`,
        description: `Prestation planifiée du module ${code} (à réaliser avant le ${dueDate}).`,
        plannedService: code,
        dueDate,
        createdBy: ctx.random.pick(ctx.leads),
        ...(worked ? { statusAt: startMs + 7 * 60 * MINUTE } : {}),
      });
      work.tickets.push(ticket);
      if (!worked) continue;
      const intervention = interventionOf({
        id: ctx.nextId('iv'),
        ticket,
        technician,
        channel: spec.channel,
        startMs,
        segmentMinutes: spec.minutes,
        pauseMinutes: 120 - (spec.minutes.length > 1 ? 60 : 0),
        trips: spec.channel === 'onsite' ? 1 : 0,
        report: spec.report,
        completed: true,
        ...validation(ctx, startMs + 8 * 60 * MINUTE),
      });
      work.interventions.push(intervention);
      if (spec.channel === 'onsite') {
        work.logbook.push(
          logbookOf(
            ctx.nextId('lb'),
            ticket,
            ticket.clientId,
            technician,
            endOf(intervention),
            'visit',
            `${spec.title} réalisée. ${spec.report}`,
          ),
        );
      }
    }
  }
  return work;
}

/** Outages of the hosted platform: within the GTR, overrunning it, scheduled, or excluded. */
export function interruptions(ctx: WorkContext, count: number): DemoWork {
  const work: DemoWork = { tickets: [], interventions: [], logbook: [] };
  if (!ctx.contract.modules.K.active && !ctx.contract.modules.L.active) return work;
  for (let k = 0; k < count; k++) {
    const day = ctx.random.pick(ctx.days.slice(0, -3));
    const notifiedMs = parisInstant(day, ctx.random.int(520, 1000));
    const scheduled = ctx.random.chance(0.25);
    const excluded = !scheduled && ctx.random.chance(0.2);
    // Business minutes down: mostly within 4 h 30, some far beyond (GTR penalty tiers).
    const down = ctx.random.chance(0.65) ? ctx.random.int(40, 260) : ctx.random.int(300, 900);
    const restoredMs = addBusinessMinutes(ctx.calendar, new Date(notifiedMs), down).getTime();
    if (restoredMs > ctx.now - 86_400_000) continue;
    const technician = ctx.random.pick(ctx.technicians);
    const ticket = ticketOf({
      id: ctx.nextId('tk'),
      reference: `T-${day.slice(2, 4)}${day.slice(5, 7)}-${ctx.random.token(4)}`,
      clientId: ctx.contract.clientId,
      contractId: ctx.contract.id,
      channel: 'hosting',
      nature: 'curative',
      priority: 'critical',
      status: 'closed',
      receivedAt: iso(notifiedMs),
      assigneeId: technician.id,
      title: scheduled
        ? 'Maintenance programmée de la plateforme hébergée'
        : 'Interruption : serveur hébergé injoignable',
      description: scheduled
        ? 'Interruption annoncée au client pour mise à jour.'
        : 'Le client ne peut plus accéder à son application hébergée.',
      interruption: {
        notifiedAt: iso(notifiedMs),
        restoredAt: iso(restoredMs),
        scheduled,
        ...(excluded
          ? { exclusionReason: ctx.random.pick(['telecom_operator', 'third_party', 'force_majeure'] as const) }
          : {}),
      },
      createdBy: technician,
      statusAt: restoredMs + 30 * MINUTE,
    });
    work.tickets.push(ticket);
    const startMs = notifiedMs + ctx.random.int(5, 20) * MINUTE;
    const intervention = interventionOf({
      id: ctx.nextId('iv'),
      ticket,
      technician,
      channel: 'hosting',
      startMs,
      segmentMinutes: [Math.min(180, Math.max(20, Math.round((restoredMs - startMs) / MINUTE / 3)))],
      report: 'Diagnostic de la plateforme, redémarrage des services, rétablissement notifié au client.',
      completed: true,
      ...validation(ctx, restoredMs),
    });
    work.interventions.push(intervention);
    work.logbook.push(
      logbookOf(
        ctx.nextId('lb'),
        ticket,
        ticket.clientId,
        technician,
        restoredMs,
        'incident',
        `${ticket.title} — rétablissement notifié au client.`,
      ),
    );
  }
  return work;
}

/** A few free notes per client (calls without a ticket, an internal remark). */
export function notes(ctx: WorkContext, author: () => Person, count: number): DemoWork {
  const texts = [
    'Appel de courtoisie : le client est satisfait des dernières interventions.',
    'Rappel au client : renouvellement de la licence antivirus à prévoir.',
    'Le client prévoit l’arrivée de deux collaborateurs le mois prochain.',
    'Accès au local technique : demander la clé à l’accueil.',
  ];
  const logbook = Array.from({ length: count }, (_, i) => {
    const atMs = parisInstant(ctx.random.pick(ctx.days), ctx.random.int(520, 1060));
    return logbookOf(
      ctx.nextId('lb'),
      undefined,
      ctx.contract.clientId,
      author(),
      Math.min(atMs, ctx.now - MINUTE),
      i === 3 ? 'note' : 'call',
      texts[i % texts.length] as string,
      i === 3,
    );
  });
  return { tickets: [], interventions: [], logbook };
}

/** The demo technician's timer, started 25 minutes ago on a call received just before. */
export function runningTimer(ctx: WorkContext, technician: Person): DemoWork {
  const receivedMs = ctx.now - 32 * MINUTE;
  const ticket = ticketOf({
    id: ctx.nextId('tk'),
    reference: `T-NOW-${ctx.random.token(4)}`,
    clientId: ctx.contract.clientId,
    contractId: ctx.contract.id,
    channel: 'hotline',
    nature: 'curative',
    priority: 'high',
    status: 'in_progress',
    receivedAt: iso(receivedMs),
    assigneeId: technician.id,
    title: 'Messagerie inaccessible sur tous les postes',
    description: 'Plus personne ne reçoit de courriel depuis ce matin.',
    createdBy: technician,
    statusAt: receivedMs + 7 * MINUTE,
  });
  const intervention = interventionOf({
    id: ctx.nextId('iv'),
    ticket,
    technician,
    channel: 'hotline',
    startMs: receivedMs + 7 * MINUTE,
    segmentMinutes: [25],
    report: '',
    completed: false,
    running: true,
  });
  return { tickets: [ticket], interventions: [intervention], logbook: [] };
}
