import { z } from 'zod';
import { networkListSchema, providerSchema } from './client-dossier';
import { baseDocumentShape, contactSchema, idSchema, phoneSchema } from './common';

/** A client of the provider, with its contacts and its third-party providers (dossier technique). */
export const clientSchema = z
  .object({
    ...baseDocumentShape,
    name: z.string().min(1).max(200),
    /** Client number as printed on the contract ("N° client"). */
    code: z.string().min(1).max(40),
    phones: z.array(phoneSchema).max(10),
    email: z.email().optional(),
    address: z.string().max(500).optional(),
    contacts: z.array(contactSchema).max(50),
    /** Third-party providers (ISP, telecom operator, software publisher…), CP art. 5. */
    providers: z.array(providerSchema).max(50),
    /** Sites, subnets, public IPs and links, beside the network diagram (CP art. 5). */
    network: networkListSchema.optional(),
    /** Users allowed to read this client's password vault (granted by a lead or admin). */
    vaultAccess: z.array(idSchema).max(200),
    notes: z.string().max(5000).optional(),
  })
  .strict();
export type Client = z.infer<typeof clientSchema>;
