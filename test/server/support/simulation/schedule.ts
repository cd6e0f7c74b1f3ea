/**
 * One seeded step of a simulated device: an edit a person would make (create or edit a ticket,
 * record an intervention, amend a compte-rendu, validate as a lead), then maybe a push — shuffled,
 * sometimes twice, sometimes an old batch replayed — and maybe a pull, sometimes from an old
 * checkpoint. Each edit leaves its mark (checks.ts) and re-applies idempotently on any version.
 */
import type { Doc, SimDevice } from './sim-device';

export const SIM_CLIENT = 'cl-sim';
export const SIM_CONTRACT = 'ct-sim';

let counter = 0;
const mark = (device: SimDevice) => `${device.name}-${++counter}`;
const iso = (ms: number) => new Date(ms).toISOString();

function newTicket(device: SimDevice, id: string): Doc {
  const at = iso(Date.now());
  return {
    id,
    updatedAt: at,
    reference: `T-SIM-${id.slice(-6)}`,
    clientId: SIM_CLIENT,
    contractId: SIM_CONTRACT,
    channel: 'onsite',
    nature: 'curative',
    priority: 'normal',
    status: 'new',
    receivedAt: at,
    title: 'Panne simulée',
    description: '',
    createdBy: device.userId,
    createdAt: at,
    fieldUpdatedAt: {},
    history: [{ at, by: device.userId, kind: 'create' }],
  };
}

function newIntervention(device: SimDevice, id: string, ticketId: string, random: () => number): Doc {
  const now = Date.now();
  const minutes = 5 + Math.floor(random() * 235);
  const end = now - Math.floor(random() * 3 * 86_400_000);
  const start = end - minutes * 60_000;
  return {
    id,
    updatedAt: iso(now),
    ticketId,
    clientId: SIM_CLIENT,
    contractId: SIM_CONTRACT,
    technicianId: device.userId,
    channel: 'onsite',
    segments: [{ start: iso(start), end: iso(end) }],
    trips: random() < 0.5 ? 1 : 0,
    halfDay: false,
    report: 'Intervention simulée.',
    completedAt: iso(end),
    createdAt: iso(now),
  };
}

const FIELDS = [
  ['priority', ['low', 'normal', 'high', 'critical']],
  ['status', ['new', 'in_progress', 'waiting_client', 'resolved']],
  ['title', ['Imprimante hors ligne', 'Messagerie lente', 'Serveur de fichiers', 'Poste bloqué']],
] as const;

/** An edit of one field, marked by a history note; already present, it changes nothing. */
function editTicket(device: SimDevice, id: string, random: () => number): void {
  const [field, values] = FIELDS[Math.floor(random() * FIELDS.length)] ?? FIELDS[0];
  const value = values[Math.floor(random() * values.length)] ?? values[0];
  const note = `sim:${mark(device)}`;
  const at = iso(Date.now());
  device.edit('tickets', id, (base) => {
    if (!base) return null;
    const history = base.history as { note?: string }[];
    if (history.some((entry) => entry.note === note)) return base;
    return {
      ...base,
      [field]: value,
      updatedAt: at,
      fieldUpdatedAt: { ...(base.fieldUpdatedAt as object), [field]: at },
      history: [...history, { at, by: device.userId, kind: 'edit', field, to: JSON.stringify(value), note }],
    };
  });
}

function pick<T>(list: readonly T[], random: () => number): T | undefined {
  return list[Math.floor(random() * list.length)];
}

export async function step(device: SimDevice, role: 'lead' | 'technician', random: () => number): Promise<void> {
  const tickets = [...(device.replica.get('tickets')?.values() ?? [])];
  const interventions = [...(device.replica.get('interventions')?.values() ?? [])];
  const roll = random();
  if (tickets.length === 0 || roll < 0.15) {
    const ticket = newTicket(device, `tk-${mark(device)}`);
    device.edit('tickets', ticket.id, (base) => base ?? ticket);
  } else if (roll < 0.4) {
    const ticket = pick(tickets, random);
    if (ticket) editTicket(device, ticket.id, random);
  } else if (role === 'technician' && roll < 0.75) {
    const ticket = pick(tickets, random);
    if (ticket) {
      const intervention = newIntervention(device, `iv-${mark(device)}`, ticket.id, random);
      device.edit('interventions', intervention.id, (base) => base ?? intervention);
    }
  } else if (role === 'technician') {
    const own = interventions.filter((i) => i.technicianId === device.userId && !i.validatedAt);
    const target = pick(own, random);
    const marker = `⟦${mark(device)}⟧`;
    const at = iso(Date.now());
    if (target) {
      device.edit('interventions', target.id, (base) => {
        if (!base || base.validatedAt) return null; // Validated meanwhile: locked, the amendment is dropped.
        if (String(base.report).includes(marker)) return base;
        return { ...base, report: `${String(base.report)} ${marker}`, updatedAt: at };
      });
    }
  } else {
    const target = pick(
      interventions.filter((i) => !i.validatedAt),
      random,
    );
    const at = iso(Date.now());
    if (target) {
      device.edit('interventions', target.id, (base) => {
        if (!base) return null;
        if (base.validatedAt) return base;
        return { ...base, validatedAt: at, validatedBy: device.userId, updatedAt: at };
      });
    }
  }
  const network = random();
  if (network < 0.5) await device.push(random() < 0.5 ? 'tickets' : 'interventions', 1 + Math.floor(random() * 8));
  else if (network < 0.58) await device.replayOldPush();
  else if (network < 0.8) await device.pull(random() < 0.5 ? 'tickets' : 'interventions', random() < 0.3);
}
