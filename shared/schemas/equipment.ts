import { z } from 'zod';
import { baseDocumentShape, daySchema, idSchema } from './common';

/**
 * Kinds of inventory item (CP art. 5 "inventaire des équipements gérés"). Firewalls and AV
 * gateways are network elements (module H, CG art. 1 "éléments de sécurité du réseau");
 * `licence` is a software licence followed for its end date.
 */
export const equipmentKindSchema = z.enum([
  'server',
  'network',
  'firewall',
  'av_gateway',
  'pc',
  'printer',
  'software',
  'licence',
  'other',
]);
export type EquipmentKind = z.infer<typeof equipmentKindSchema>;

/** What an échéance is the end of: warranty, antivirus / firewall / AV-gateway subscription, licence. */
export const expiryKindSchema = z.enum(['warranty', 'antivirus', 'firewall', 'av_gateway', 'licence', 'other']);
export type ExpiryKind = z.infer<typeof expiryKindSchema>;

/** An item of the client's inventory (dossier technique, CP art. 5). Retired, never deleted. */
export const equipmentSchema = z
  .object({
    ...baseDocumentShape,
    clientId: idSchema,
    kind: equipmentKindSchema,
    name: z.string().min(1).max(200),
    serial: z.string().max(100).optional(),
    location: z.string().max(200).optional(),
    /** Listed in the contract's annex: covered by module H (server, network) or I (pc). */
    covered: z.boolean(),
    /** Échéances (antivirus, firewall, AV gateway, warranty, licence) that raise alerts. */
    expiries: z
      .array(
        z.object({
          kind: expiryKindSchema,
          label: z.string().max(200),
          date: daySchema,
        }),
      )
      .max(20),
    retired: z.boolean(),
  })
  .strict();
export type Equipment = z.infer<typeof equipmentSchema>;
