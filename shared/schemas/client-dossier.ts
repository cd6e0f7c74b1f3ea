/**
 * The parts of a client's dossier technique kept on the client document (CP art. 5): its
 * third-party providers ("coordonnées et références des prestataires") and the structured list
 * of its networks beside the synoptic diagram. All optional, so clients written before them
 * stay valid.
 */
import { z } from 'zod';
import { contactSchema, phoneSchema } from './common';

export const providerCategorySchema = z.enum(['isp', 'telecom', 'publisher', 'manufacturer', 'maintenance', 'other']);
export type ProviderCategory = z.infer<typeof providerCategorySchema>;

/**
 * A third-party provider: its main contact fields (name, role, phone, email — the first
 * provider shape, kept), what it does for the client, and its other contacts, contract
 * references and support numbers.
 */
export const providerSchema = contactSchema.extend({
  service: z.string().max(120),
  category: providerCategorySchema.optional(),
  website: z.string().max(300).optional(),
  contacts: z.array(contactSchema).max(20).optional(),
  /** e.g. { label: 'Contrat fibre', reference: 'FTTO-0042-77' }. */
  references: z
    .array(z.object({ label: z.string().min(1).max(120), reference: z.string().min(1).max(120) }))
    .max(20)
    .optional(),
  /** e.g. { label: 'Support technique 24/7', phone: '3901', hours: '24 h/24' }. */
  supportNumbers: z
    .array(z.object({ label: z.string().min(1).max(120), phone: phoneSchema, hours: z.string().max(120).optional() }))
    .max(20)
    .optional(),
});
export type Provider = z.infer<typeof providerSchema>;

const text = (max: number) => z.string().max(max).optional();

/** The client's networks as a list (the diagram itself is an attachment). */
export const networkListSchema = z
  .object({
    sites: z.array(z.object({ name: z.string().min(1).max(120), address: text(300), notes: text(500) })).max(50),
    subnets: z
      .array(
        z.object({
          cidr: z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, 'a subnet such as "192.168.1.0/24"'),
          name: z.string().max(120),
          site: text(120),
          vlan: z.number().int().min(1).max(4094).optional(),
          gateway: text(60),
        }),
      )
      .max(100),
    publicIps: z
      .array(
        z.object({
          address: z.string().regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'an IP address such as "203.0.113.10"'),
          site: text(120),
          provider: text(120),
          usage: text(200),
        }),
      )
      .max(100),
    links: z
      .array(
        z.object({
          name: z.string().min(1).max(120),
          kind: z.enum(['fibre', 'sdsl', 'adsl', 'vdsl', 'cable', '4g5g', 'mpls', 'vpn', 'other']),
          site: text(120),
          provider: text(120),
          bandwidth: text(60),
          reference: text(120),
        }),
      )
      .max(100),
  })
  .strict();
export type NetworkList = z.infer<typeof networkListSchema>;

export const EMPTY_NETWORK_LIST: NetworkList = { sites: [], subnets: [], publicIps: [], links: [] };
