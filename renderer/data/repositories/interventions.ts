/**
 * Interventions and the quarter-hour timer. A running timer IS the intervention document with
 * an open last segment: it survives closing, reloading or crashing the app, and syncs like any
 * other write. One timer runs per technician: starting or resuming one pauses the other.
 *
 * Locking (domain.md §5): once a team lead validated an intervention, nobody edits it; a
 * correction is a new intervention pointing to it (`correctionOf`), and the ledger counts the
 * correction instead of the original.
 */
import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { Channel, CoordinationReport, Intervention, Signature } from '../../../shared/schemas';
import { ForbiddenError, InvalidStateError } from '../errors';
import { liveCollection } from '../live-collection';
import { getDocument, newId, plainList$, plainOne$, putDocument, type Store } from '../store';
import { isRunning } from '../timer-rules';

export type CompletionInput = {
  channel: Channel;
  trips: number;
  halfDay: boolean;
  report: string;
  signature?: Signature;
  /** A coordination day's compte-rendu by heading and its action plan (module F). */
  coordination?: CoordinationReport;
};

export type VisitInput = CompletionInput & { ticketId: string; arrival: Date; departure: Date };

export function createInterventionsRepository(store: Store) {
  const rx = () => store.db.interventions as RxCollection<Intervention>;
  const iso = () => store.now().toISOString();
  const isLead = () => store.user.role === 'lead' || store.user.role === 'admin';

  async function load(id: string): Promise<Intervention> {
    const intervention = await getDocument(store, 'interventions', id);
    if (!intervention) throw new InvalidStateError(`intervention ${id} does not exist`);
    return intervention;
  }

  function assertEditable(intervention: Intervention): void {
    if (intervention.validatedAt) throw new ForbiddenError('this intervention is validated: record a correction instead');
    if (intervention.technicianId !== store.user.id && !isLead()) {
      throw new ForbiddenError("only its technician or a team lead can change another technician's intervention");
    }
  }

  function closeOpenSegment(intervention: Intervention, end: string): Intervention {
    const segments = intervention.segments.map((s, i) =>
      i === intervention.segments.length - 1 && s.end === undefined ? { ...s, end } : s,
    );
    return { ...intervention, segments, updatedAt: iso() };
  }

  /**
   * Pauses whatever timer the current technician has running (there is at most one). The same
   * query as `activeTimer$`, which the timer bar keeps live, so RxDB can reuse its cached results.
   */
  async function pauseRunning(except?: string): Promise<void> {
    const running = await rx().find({ selector: { technicianId: store.user.id } }).exec();
    for (const doc of running) {
      const intervention = doc.toJSON() as Intervention;
      if (intervention.id !== except && isRunning(intervention.segments) && !intervention.completedAt) {
        await putDocument(store, 'interventions', closeOpenSegment(intervention, iso()));
      }
    }
  }

  return {
    /** Every intervention (a shared whole-collection view: see live-collection.ts). */
    all$(): Observable<Intervention[]> {
      return liveCollection(rx());
    },
    byTicket$(ticketId: string): Observable<Intervention[]> {
      return plainList$(rx().find({ selector: { ticketId } }));
    },
    byContract$(contractId: string): Observable<Intervention[]> {
      return plainList$(rx().find({ selector: { contractId } }));
    },
    byContract(contractId: string): Promise<Intervention[]> {
      return rx()
        .find({ selector: { contractId } })
        .exec()
        .then((docs) => docs.map((d) => d.toJSON() as Intervention));
    },
    get$(id: string): Observable<Intervention | null> {
      return plainOne$(rx().findOne(id));
    },
    /** The current technician's timer: running, or paused and not yet completed (newest first). */
    activeTimer$(): Observable<Intervention | null> {
      return plainList$(rx().find({ selector: { technicianId: store.user.id } })).pipe(
        map((list) => {
          const open = list.filter((i) => !i.completedAt && i.segments.length > 0);
          open.sort((a, b) => Number(isRunning(b.segments)) - Number(isRunning(a.segments)) || (a.updatedAt < b.updatedAt ? 1 : -1));
          return open[0] ?? null;
        }),
      );
    },

    /**
     * Starts the timer on a ticket: resumes this technician's unfinished intervention on it (same
     * sitting) or opens a new one. Any other running timer of theirs is paused first.
     */
    async startTimer(input: { ticketId: string; clientId: string; contractId: string; channel: Channel }): Promise<Intervention> {
      // By ticket only: a handful of documents through the ticketId index, where a selector on
      // both fields may walk the technician's whole year through theirs.
      const existing = (await rx().find({ selector: { ticketId: input.ticketId } }).exec())
        .map((d) => d.toJSON() as Intervention)
        .find((i) => i.technicianId === store.user.id && !i.completedAt);
      if (existing) return this.resume(existing.id);
      await pauseRunning();
      const at = iso();
      return putDocument(store, 'interventions', {
        id: newId('itv'),
        updatedAt: at,
        ticketId: input.ticketId,
        clientId: input.clientId,
        contractId: input.contractId,
        technicianId: store.user.id,
        channel: input.channel,
        segments: [{ start: at }],
        trips: 0,
        halfDay: false,
        report: '',
        createdAt: at,
      });
    },

    async pause(id: string): Promise<Intervention> {
      const intervention = await load(id);
      assertEditable(intervention);
      if (!isRunning(intervention.segments)) throw new InvalidStateError('the timer is not running');
      return putDocument(store, 'interventions', closeOpenSegment(intervention, iso()));
    },

    async resume(id: string): Promise<Intervention> {
      const intervention = await load(id);
      assertEditable(intervention);
      if (intervention.completedAt) throw new InvalidStateError('this intervention is finished');
      if (isRunning(intervention.segments)) return intervention;
      await pauseRunning(id);
      const at = iso();
      return putDocument(store, 'interventions', {
        ...intervention,
        segments: [...intervention.segments, { start: at }],
        updatedAt: at,
      });
    },

    /**
     * Closes a timer left running at the instant the technician says the work ended (never
     * later than now, never before the segment started): the night is not billed.
     */
    async endAt(id: string, endedAt: Date): Promise<Intervention> {
      const intervention = await load(id);
      assertEditable(intervention);
      const open = intervention.segments.at(-1);
      if (!open || open.end !== undefined) throw new InvalidStateError('the timer is not running');
      if (Number.isNaN(endedAt.getTime())) throw new RangeError('endedAt: invalid date');
      if (endedAt.getTime() < Date.parse(open.start)) throw new RangeError('endedAt: the work cannot end before it started');
      if (endedAt.getTime() > store.now().getTime()) throw new RangeError('endedAt: the work cannot end in the future');
      return putDocument(store, 'interventions', closeOpenSegment(intervention, endedAt.toISOString()));
    },

    /** Stops the timer if it runs and records how the work was done: units are deducted now. */
    async complete(id: string, input: CompletionInput): Promise<Intervention> {
      let intervention = await load(id);
      assertEditable(intervention);
      if (intervention.completedAt) throw new InvalidStateError('this intervention is already finished');
      if (isRunning(intervention.segments)) intervention = closeOpenSegment(intervention, iso());
      const end = intervention.segments.at(-1)?.end ?? iso();
      return putDocument(store, 'interventions', {
        ...intervention,
        channel: input.channel,
        trips: input.trips,
        halfDay: input.halfDay,
        report: input.report.trim(),
        ...(input.signature ? { signature: input.signature } : {}),
        ...(input.coordination ? { coordination: input.coordination } : {}),
        completedAt: end,
        updatedAt: iso(),
      });
    },

    /** An on-site visit recorded after the fact (arrival and departure), offline like the rest. */
    async recordVisit(input: VisitInput & { clientId: string; contractId: string }): Promise<Intervention> {
      if (Number.isNaN(input.arrival.getTime())) throw new RangeError('arrival: invalid date');
      if (Number.isNaN(input.departure.getTime())) throw new RangeError('departure: invalid date');
      if (input.departure.getTime() < input.arrival.getTime()) throw new RangeError('departure: cannot come before arrival');
      if (input.departure.getTime() > store.now().getTime() + 60_000) throw new RangeError('departure: cannot be in the future');
      const at = iso();
      return putDocument(store, 'interventions', {
        id: newId('itv'),
        updatedAt: at,
        ticketId: input.ticketId,
        clientId: input.clientId,
        contractId: input.contractId,
        technicianId: store.user.id,
        channel: input.channel,
        segments: [{ start: input.arrival.toISOString(), end: input.departure.toISOString() }],
        trips: input.trips,
        halfDay: input.halfDay,
        report: input.report.trim(),
        ...(input.signature ? { signature: input.signature } : {}),
        ...(input.coordination ? { coordination: input.coordination } : {}),
        completedAt: input.departure.toISOString(),
        createdAt: at,
      });
    },

    /** Edits the facts of an unvalidated intervention (report, trips, half-day, signature…). */
    async edit(
      id: string,
      changes: Partial<Pick<Intervention, 'report' | 'trips' | 'halfDay' | 'channel' | 'signature' | 'segments' | 'coordination'>>,
    ): Promise<Intervention> {
      const intervention = await load(id);
      assertEditable(intervention);
      return putDocument(store, 'interventions', { ...intervention, ...changes, updatedAt: iso() });
    },

    /** Team leads only: locks completed interventions. */
    async validate(ids: readonly string[]): Promise<number> {
      if (!isLead()) throw new ForbiddenError('only team leads validate interventions');
      let count = 0;
      for (const id of ids) {
        const intervention = await load(id);
        if (intervention.validatedAt || !intervention.completedAt) continue;
        await putDocument(store, 'interventions', { ...intervention, validatedAt: iso(), validatedBy: store.user.id, updatedAt: iso() });
        count++;
      }
      return count;
    },

    /** A correction of validated work: a new record replacing the original in the ledger. */
    async correct(originalId: string, changes: Partial<Pick<Intervention, 'segments' | 'trips' | 'halfDay' | 'channel' | 'report'>>, reason: string): Promise<Intervention> {
      if (!isLead()) throw new ForbiddenError('only team leads correct validated interventions');
      const original = await load(originalId);
      if (!original.validatedAt) throw new InvalidStateError('edit this intervention directly: it is not validated');
      if (!reason.trim()) throw new RangeError('reason: say why the intervention is corrected');
      const at = iso();
      const { validatedAt: _v, validatedBy: _b, ...rest } = original;
      const corrected = { ...rest, ...changes };
      return putDocument(store, 'interventions', {
        ...corrected,
        id: newId('itv'),
        correctionOf: original.id,
        correctionReason: reason.trim(),
        completedAt: corrected.segments.at(-1)?.end ?? original.completedAt ?? at,
        createdAt: at,
        updatedAt: at,
      });
    },
  };
}

export type InterventionsRepository = ReturnType<typeof createInterventionsRepository>;
