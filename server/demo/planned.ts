/**
 * The demo's outages and notes for one client: interruptions of the hosted platform with
 * GTR/IMS stakes (modules K/L), main courante notes, and one timer left running for the demo
 * technician. (Planned services: planned-services.ts.)
 */
import { addBusinessMinutes } from '../../shared/domain';
import { iso, MINUTE, parisInstant } from './clock';
import { type DemoWork, interventionOf, logbookOf, type Person, ticketOf } from './records';
import { validation, type WorkContext } from './work';

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
      i === 2 ? 'request' : 'information',
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
