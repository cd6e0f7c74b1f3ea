/**
 * The reports screen's state lives in its URL: period, client, technician and grouping. A lead
 * can bookmark "ce mois, client Dupont", send it to a colleague, and the back button undoes a
 * drill-down.
 */
import { periodFromQuery, periodToQuery, type Period } from './period';

export const GROUPS = ['client', 'technician', 'coverage', 'period'] as const;
export type Group = (typeof GROUPS)[number];

export type ReportState = {
  period: Period;
  clientId?: string;
  technicianId?: string;
  group: Group;
  /** Why the URL's period was not used, if it was not. */
  periodError?: string;
};

export function reportStateFrom(query: URLSearchParams, today: string): ReportState {
  const { period, error } = periodFromQuery(query, today);
  const group = query.get('group');
  const state: ReportState = { period, group: GROUPS.includes(group as Group) ? (group as Group) : 'client' };
  const client = query.get('client');
  const technician = query.get('tech');
  if (client) state.clientId = client;
  if (technician) state.technicianId = technician;
  if (error) state.periodError = error;
  return state;
}

/** The path of a state: `/reports?period=month&from=2026-11-01&client=cl-1&group=technician`. */
export function reportPath(state: Omit<ReportState, 'periodError'>, base = '/reports'): string {
  const query = new URLSearchParams(periodToQuery(state.period));
  if (state.clientId) query.set('client', state.clientId);
  if (state.technicianId) query.set('tech', state.technicianId);
  if (state.group !== 'client') query.set('group', state.group);
  return `${base}?${query.toString()}`;
}
