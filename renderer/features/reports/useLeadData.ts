/**
 * The lead workspace's live data: every collection its screens derive from, as one value.
 *
 * One subscription per open database, shared by every lead screen and kept while the session
 * lasts: moving from the reports to the credits does not read 100,000 interventions again, it
 * gets the last value at once. During a sync burst the local database emits after every batch;
 * emissions are throttled (the first at once, then at most every 400 ms, the last always) so the
 * ledgers are not recomputed for every batch.
 */
import { asyncScheduler, combineLatest, shareReplay, throttleTime, type Observable } from 'rxjs';
import type { CadranData } from '../../data';
import { useLive, type Live } from '../../data/react';
import type { LeadData } from './lead-data';

const shared = new WeakMap<CadranData, Observable<LeadData>>();

export function leadData$(data: CadranData): Observable<LeadData> {
  let source = shared.get(data);
  if (!source) {
    source = combineLatest({
      clients: data.clients.all$(),
      contracts: data.contracts.all$(),
      equipment: data.equipment.all$(),
      tickets: data.tickets.all$(),
      interventions: data.interventions.all$(),
      users: data.users.all$(),
      invoices: data.invoices.all$(),
    }).pipe(
      throttleTime(400, asyncScheduler, { leading: true, trailing: true }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    shared.set(data, source);
  }
  return source;
}

/** Every document the lead screens read, live. */
export function useLeadData(): Live<LeadData> {
  return useLive((data) => leadData$(data), []);
}
