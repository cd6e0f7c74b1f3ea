import { z } from 'zod';
import { daySchema, idSchema } from './common';

/**
 * The compte-rendu of a coordination day (module F, CP art. 4): the points the contract lists
 * for the meeting with the client's management, and an action plan that the next coordination
 * day takes over. Stored on the day's intervention, whose `report` holds the same text flat.
 */
export const COORDINATION_HEADINGS = [
  /** "les actions réalisées" */
  'actionsDone',
  /** "la complétude ou non des opérations réalisées" */
  'completeness',
  /** "les dysfonctionnements rencontrés et les actions mises en place pour les pallier" */
  'malfunctions',
  /** "les axes d'amélioration de l'infrastructure" */
  'improvements',
  /** "les projets à venir pouvant impacter de près ou de loin l'infrastructure du client" */
  'upcomingProjects',
  /** "mesurer la satisfaction du client sur les interventions réalisées" */
  'satisfaction',
] as const;
export type CoordinationHeading = (typeof COORDINATION_HEADINGS)[number];

const section = z.string().max(5000);

export const actionStatusSchema = z.enum(['open', 'in_progress', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
/** Actions still to follow at the next coordination day. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

export const coordinationActionSchema = z.object({
  id: idSchema,
  text: z.string().min(1).max(500),
  /** Who carries it: the provider's engineer, the client's manager, a third party. */
  owner: z.string().min(1).max(120),
  dueDate: daySchema.optional(),
  status: actionStatusSchema,
  /** The previous coordination day's intervention this action was carried over from. */
  carriedFrom: idSchema.optional(),
});
export type CoordinationAction = z.infer<typeof coordinationActionSchema>;

export const coordinationReportSchema = z.object({
  sections: z.object({
    actionsDone: section,
    completeness: section,
    malfunctions: section,
    improvements: section,
    upcomingProjects: section,
    satisfaction: section,
  }),
  /** The client's satisfaction, 1 (not satisfied) to 5 (very satisfied), when asked. */
  satisfactionScore: z.number().int().min(1).max(5).optional(),
  actions: z.array(coordinationActionSchema).max(50),
});
export type CoordinationReport = z.infer<typeof coordinationReportSchema>;
