/**
 * What the planning screens read, live: the planned occurrences (tickets), the interventions
 * that complete them, and the references they are shown with. One shared subscription per open
 * database, like the lead workspace's (reports/useLeadData.ts); emissions are throttled so a
 * sync burst recomputes the rows a few times, not per batch.
 */
import { asyncScheduler, combineLatest, shareReplay, throttleTime, type Observable } from 'rxjs';
import type { CadranData } from '../../data';
import { useLive, type Live } from '../../data/react';
import type { PlanningInput } from './planning-model';

const shared = new WeakMap<CadranData, Observable<PlanningInput>>();

export function planningData$(data: CadranData): Observable<PlanningInput> {
  let source = shared.get(data);
  if (!source) {
    source = combineLatest({
      planned: data.planning.planned$(),
      interventions: data.interventions.all$(),
      contracts: data.contracts.all$(),
      clients: data.clients.all$(),
      users: data.users.all$(),
    }).pipe(
      throttleTime(300, asyncScheduler, { leading: true, trailing: true }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    shared.set(data, source);
  }
  return source;
}

export function usePlanningData(): Live<PlanningInput> {
  return useLive((data) => planningData$(data), []);
}
