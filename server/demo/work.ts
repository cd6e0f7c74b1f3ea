/**
 * A year of incidents for one client: calls received mostly in heures ouvrées, worked over
 * the hotline, by telemaintenance, on site (with trips, sometimes on a floating half-day) or on
 * the hosting platform; most closed, the last days' still open; older interventions mostly
 * validated by a lead; a logbook line for many of them.
 */
import { addBusinessMinutes, type BusinessCalendar } from '../../shared/domain';
import type { Channel, Contract, Equipment, Ticket } from '../../shared/schemas';
import { iso, MINUTE, parisInstant } from './clock';
import type { Random } from './random';
import { type DemoWork, endOf, interventionOf, logbookOf, type Person, ticketOf } from './records';

export type WorkContext = {
  contract: Contract;
  equipment: Equipment[];
  calendar: BusinessCalendar;
  /** Working days of the demo year, oldest first. */
  days: string[];
  now: number;
  technicians: Person[];
  leads: Person[];
  contactName: string;
  nextId: (prefix: string) => string;
  random: Random;
};

const PROBLEMS: Record<Channel, { title: string; description: string; report: string }[]> = {
  hotline: [
    {
      title: 'Mot de passe de messagerie oublié',
      description: 'L’utilisatrice ne peut plus se connecter à sa messagerie.',
      report: 'Réinitialisation du mot de passe et vérification de la connexion avec l’utilisatrice.',
    },
    {
      title: 'Imprimante hors ligne',
      description: 'Le copieur n’apparaît plus sur les postes.',
      report: 'Redémarrage du spouleur, réattribution de l’adresse IP du copieur.',
    },
    {
      title: 'Question sur le logiciel de gestion',
      description: 'Export comptable impossible depuis la mise à jour.',
      report: 'Guidage pas à pas ; paramètre d’export corrigé.',
    },
    {
      title: 'Partage réseau inaccessible',
      description: 'Le lecteur S: est déconnecté sur un poste.',
      report: 'Reconnexion du lecteur réseau et contrôle des droits.',
    },
  ],
  telemaintenance: [
    {
      title: 'Lenteurs sur un poste',
      description: 'Le poste met plusieurs minutes à démarrer.',
      report: 'Nettoyage des programmes au démarrage, analyse antivirus complète, mises à jour appliquées.',
    },
    {
      title: 'Installation d’un logiciel',
      description: 'Installer le lecteur de cartes Vitale sur le poste d’accueil.',
      report: 'Installation et test du lecteur avec l’utilisateur.',
    },
    {
      title: 'Messagerie : boîte pleine',
      description: 'La boîte de réception refuse les nouveaux messages.',
      report: 'Archivage des anciens messages et augmentation du quota.',
    },
    {
      title: 'VPN ne se connecte plus',
      description: 'Télétravail impossible depuis ce matin.',
      report: 'Certificat VPN renouvelé sur le poste et sur le pare-feu.',
    },
  ],
  onsite: [
    {
      title: 'Poste ne démarre plus',
      description: 'Écran noir au démarrage, voyant d’alimentation éteint.',
      report: 'Remplacement de l’alimentation, tests de démarrage concluants.',
    },
    {
      title: 'Panne réseau au bureau',
      description: 'Plus aucun poste n’accède à Internet.',
      report: 'Commutateur redémarré puis câble de brassage défectueux remplacé.',
    },
    {
      title: 'Installation d’un nouveau poste',
      description: 'Mise en service du poste de la nouvelle collaboratrice.',
      report: 'Poste installé, profil migré, imprimantes et partages configurés.',
    },
    {
      title: 'Onduleur en alarme',
      description: 'L’onduleur du serveur bipe en continu.',
      report: 'Batterie remplacée, test de bascule réalisé avec succès.',
    },
  ],
  hosting: [
    {
      title: 'Sauvegarde en échec',
      description: 'Le rapport de sauvegarde de la nuit signale une erreur.',
      report: 'Espace libéré sur le stockage, sauvegarde relancée et vérifiée.',
    },
    {
      title: 'Certificat du site expiré',
      description: 'Le navigateur affiche une alerte de sécurité.',
      report: 'Certificat renouvelé et déployé sur le serveur hébergé.',
    },
  ],
};

/** A local minute of day: mostly within heures ouvrées, some just before or after. */
function callMinute(random: Random): number {
  if (random.chance(0.92)) {
    const m = random.int(0, 209 + 239);
    return m < 210 ? 510 + m : 840 + (m - 210);
  }
  return random.pick([random.int(465, 509), random.int(1081, 1140), random.int(721, 780)]);
}

function channelFor(ctx: WorkContext): Channel {
  const hosting = ctx.contract.modules.J.active;
  const roll = ctx.random.next();
  if (roll < 0.42) return 'hotline';
  if (roll < 0.68) return 'telemaintenance';
  if (roll < 0.9) return 'onsite';
  return hosting ? 'hosting' : 'telemaintenance';
}

export function incidents(ctx: WorkContext, count: number): DemoWork {
  const work: DemoWork = { tickets: [], interventions: [], logbook: [] };
  const { random } = ctx;
  for (let k = 0; k < count; k++) {
    const day = random.pick(ctx.days);
    const receivedMs = parisInstant(day, callMinute(random));
    const ageDays = (ctx.now - receivedMs) / 86_400_000;
    if (ageDays < 0.2) continue;
    const channel = channelFor(ctx);
    const problem = random.pick(PROBLEMS[channel]);
    const technician = random.pick(ctx.technicians);
    const equipment = random.chance(0.6) ? random.pick(ctx.equipment) : undefined;
    const status: Ticket['status'] =
      ageDays > 6
        ? random.chance(0.85)
          ? 'closed'
          : 'resolved'
        : random.pick(['new', 'in_progress', 'waiting_client', 'resolved'] as const);
    // 85 % are picked up well within the 30-minute commitment, the rest late.
    const delay = random.chance(0.85) ? random.int(3, 25) : random.int(35, 140);
    const firstStart = addBusinessMinutes(
      ctx.calendar,
      new Date(receivedMs),
      channel === 'onsite' ? delay + random.int(60, 600) : delay,
    ).getTime();

    const ticket = ticketOf({
      id: ctx.nextId('tk'),
      reference: `T-${day.slice(2, 4)}${day.slice(5, 7)}-${random.token(4)}`,
      clientId: ctx.contract.clientId,
      contractId: ctx.contract.id,
      ...(equipment ? { equipmentId: equipment.id } : {}),
      channel,
      nature: random.chance(0.85) ? 'curative' : random.chance(0.7) ? 'preventive' : 'out_of_scope',
      priority: random.pick(['low', 'normal', 'normal', 'normal', 'high', 'critical'] as const),
      status,
      receivedAt: iso(receivedMs),
      assigneeId: technician.id,
      title: equipment ? `${problem.title} — ${equipment.name}` : problem.title,
      description: problem.description,
      createdBy: technician,
      ...(status === 'new' ? {} : { statusAt: Math.min(ctx.now, firstStart + 3 * 60 * MINUTE) }),
    });
    work.tickets.push(ticket);
    if (status === 'new' || firstStart >= ctx.now - 10 * MINUTE) continue;

    const done = status === 'resolved' || status === 'closed';
    const minutes = { hotline: [5, 45], telemaintenance: [15, 90], onsite: [45, 240], hosting: [20, 120] }[channel];
    const worked = random.int(minutes[0] as number, minutes[1] as number);
    const split =
      worked > 60 && random.chance(0.3) ? [Math.round(worked * 0.6), worked - Math.round(worked * 0.6)] : [worked];
    const first = interventionOf({
      id: ctx.nextId('iv'),
      ticket,
      technician,
      channel,
      startMs: firstStart,
      segmentMinutes: split,
      trips: channel === 'onsite' ? 1 : 0,
      halfDay: channel === 'onsite' && ctx.contract.halfDayBase > 0 && worked >= 150 && random.chance(0.6),
      report: problem.report,
      completed: done || random.chance(0.5),
      ...(channel === 'onsite' && random.chance(0.5) ? { signer: ctx.contactName } : {}),
      ...validation(ctx, firstStart + (worked + 20) * MINUTE),
    });
    if (endOf(first) > ctx.now) continue;
    work.interventions.push(first);
    if (random.chance(0.5)) {
      const kind = 'intervention';
      work.logbook.push(
        logbookOf(
          ctx.nextId('lb'),
          ticket,
          ticket.clientId,
          technician,
          endOf(first),
          kind,
          `${ticket.title} : ${problem.report}`,
        ),
      );
    }
    // A follow-up by a colleague on some tickets.
    if (done && random.chance(0.18)) {
      const colleague = random.pick(ctx.technicians);
      const start = addBusinessMinutes(ctx.calendar, new Date(endOf(first)), random.int(30, 400)).getTime();
      const followUp = interventionOf({
        id: ctx.nextId('iv'),
        ticket,
        technician: colleague,
        channel: 'telemaintenance',
        startMs: start,
        segmentMinutes: [random.int(10, 40)],
        report: 'Contrôle après intervention : fonctionnement normal confirmé avec le client.',
        completed: true,
        ...validation(ctx, start + 60 * MINUTE),
      });
      if (endOf(followUp) < ctx.now) work.interventions.push(followUp);
    }
  }
  return work;
}

/** Interventions older than ten days are mostly validated by a lead one to three days after. */
export function validation(ctx: WorkContext, endMs: number): { validation?: { by: Person; at: number } } {
  const at = endMs + ctx.random.int(1, 3) * 86_400_000;
  if (ctx.now - endMs < 10 * 86_400_000 || at >= ctx.now || !ctx.random.chance(0.7)) return {};
  return { validation: { by: ctx.random.pick(ctx.leads), at } };
}
