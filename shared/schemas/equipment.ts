import { z } from 'zod';
import { baseDocumentShape, daySchema, idSchema } from './common';

export const equipmentKindSchema = z.enum(['server', 'network', 'pc', 'printer', 'software', 'other']);
export type EquipmentKind = z.infer<typeof equipmentKindSchema>;

/** An item of the client's inventory (dossier technique, CP art. 5). */
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
    /** Expiry dates (antivirus, firewall, warranty, licence) that raise alerts. */
    expiries: z
      .array(
        z.object({
          kind: z.enum(['antivirus', 'firewall', 'warranty', 'licence', 'other']),
          label: z.string().max(200),
          date: daySchema,
        }),
      )
      .max(20),
    retired: z.boolean(),
  })
  .strict();
export type Equipment = z.infer<typeof equipmentSchema>;
