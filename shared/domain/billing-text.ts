/**
 * The French lines that explain a bill, shown as is to technicians and clients. Each line has a
 * stable `code` and its `params`, so a screen or an export in another language can rebuild it.
 */
import { HOTLINE_ALLOWANCE_SECONDS, UNITS_PER_TRIP } from './types';

export type ExplanationLine = { code: string; params: Record<string, string | number>; text: string };

const MODULE_NAMES: Record<string, string> = {
  C: 'télémaintenance planifiée',
  D: 'demi-journée de maintenance préventive',
  E: 'journée PCAI',
  F: 'journée de coordination',
};

const KIND_NAMES: Record<string, string> = { server: 'serveur', network: 'élément réseau', pc: 'poste de travail' };

/** French duration from whole seconds: 2832 → "47 min 12 s"; 3900 → "1 h 05 min"; 7200 → "2 h". */
export function frenchDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m === 0 && s === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return s === 0 ? `${m} min` : `${m} min ${s} s`;
  return `${s} s`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

export const lines = {
  measured: (seconds: number, segments: number): ExplanationLine => ({
    code: 'time.measured',
    params: { seconds, segments },
    text: `Temps mesuré : ${frenchDuration(seconds)} (${plural(segments, 'segment', 'segments')}).`,
  }),
  running: (): ExplanationLine => ({
    code: 'time.running',
    params: {},
    text: 'Intervention en cours : le temps est compté jusqu’à maintenant.',
  }),
  workUnits: (units: number): ExplanationLine => ({
    code: 'units.work',
    params: { units },
    text: `Travail : ${units} UT (tout quart d’heure commencé est dû).`,
  }),
  tripUnits: (trips: number, units: number): ExplanationLine => ({
    code: 'units.trips',
    params: { trips, units },
    text: `Déplacement : ${trips} A/R × ${UNITS_PER_TRIP} UT = ${units} UT.`,
  }),
  tripsIncluded: (trips: number): ExplanationLine => ({
    code: 'units.trips_included',
    params: { trips },
    text: `Déplacement inclus (${trips} A/R), aucune UT de déplacement.`,
  }),
  plannedService: (module: string): ExplanationLine => ({
    code: 'coverage.planned_service',
    params: { module },
    text: `Prestation planifiée du module ${module} (${MODULE_NAMES[module] ?? module}) incluse au forfait : aucune UT décomptée.`,
  }),
  serversNetwork: (equipment: string, kind: string): ExplanationLine => ({
    code: 'coverage.forfait_servers_network',
    params: { equipment, kind },
    text: `« ${equipment} » (${KIND_NAMES[kind] ?? kind}) est couvert par le forfait serveurs et réseau (module H) : intervention et déplacement inclus.`,
  }),
  pc: (equipment: string): ExplanationLine => ({
    code: 'coverage.forfait_pc',
    params: { equipment },
    text: `Le poste « ${equipment} » est couvert par le forfait postes de travail (module I) pour le curatif : intervention et déplacement inclus.`,
  }),
  hotline: (usedBefore: number, used: number, excessSeconds: number, excessUnits: number): ExplanationLine => ({
    code: 'coverage.hotline_allowance',
    params: { allowanceSeconds: HOTLINE_ALLOWANCE_SECONDS, usedBefore, used, excessSeconds, excessUnits },
    text:
      `Forfait hotline (module G) : 30 min incluses par incident` +
      (usedBefore > 0 ? `, dont ${frenchDuration(usedBefore)} déjà utilisées par les interventions précédentes` : '') +
      ` ; ${frenchDuration(used)} imputées ici.` +
      (excessSeconds > 0
        ? ` Dépassement de ${frenchDuration(excessSeconds)} décompté ${excessUnits} UT.`
        : ' Aucun dépassement.'),
  }),
  halfDay: (seconds: number, halfDays: number): ExplanationLine => ({
    code: 'coverage.half_day',
    params: { seconds, halfDays },
    text: `Demi-journée flottante : ${frenchDuration(seconds)} → ${plural(halfDays, 'demi-journée', 'demi-journées')} (une par tranche de 3 h commencée), déplacement inclus.`,
  }),
  ut: (workUnits: number, tripUnits: number): ExplanationLine => ({
    code: 'coverage.ut',
    params: { workUnits, tripUnits, units: workUnits + tripUnits },
    text:
      tripUnits > 0
        ? `Décompté du crédit UT : ${workUnits} UT de travail + ${tripUnits} UT de déplacement = ${workUnits + tripUnits} UT.`
        : `Décompté du crédit UT : ${workUnits} UT.`,
  }),
  outOfScope: (): ExplanationLine => ({
    code: 'note.out_of_scope',
    params: {},
    text: 'Intervention hors périmètre : non couverte par les forfaits, décomptée en UT (CP art. 7).',
  }),
  halfDayWithoutCredit: (): ExplanationLine => ({
    code: 'note.half_day_without_credit',
    params: {},
    text: 'Demi-journée demandée, mais le contrat n’a pas de crédit de demi-journées : décomptée en UT.',
  }),
  ticketMissing: (ticketId: string): ExplanationLine => ({
    code: 'note.ticket_missing',
    params: { ticketId },
    text: `Ticket ${ticketId} introuvable : couverture évaluée sans lui.`,
  }),
} as const;
