/**
 * RxDB JSON schemas generated from the zod schemas in shared/schemas — one source of truth for
 * the device and the server. Generation drops what RxDB does not need at run time (`pattern`,
 * `format`: documents are validated with zod by the repositories before every write) and adds
 * the primary key, the schema version and the indexes with the bounds RxDB requires of indexed
 * fields (a maxLength on strings).
 */
import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';
import { collections, type CollectionName, type DocumentOf } from '../../shared/schemas';

type Json = Record<string, unknown>;

/** Indexes per collection. Indexed fields must be required in the zod schema. */
const INDEXES: Record<CollectionName, string[][]> = {
  clients: [],
  contracts: [['clientId']],
  equipment: [['clientId']],
  tickets: [['clientId'], ['receivedAt'], ['status', 'receivedAt']],
  interventions: [['ticketId'], ['contractId'], ['technicianId']],
  logbook: [['clientId', 'at']],
  vault: [['clientId']],
  users: [],
  invoices: [['contractId']],
  attachments: [['clientId']],
  receipts: [['clientId']],
};

/** Upper bound of indexed string fields: ids are ≤ 64, instants ≤ 40 characters. */
const INDEXED_MAX_LENGTH: Record<string, number> = { receivedAt: 40, at: 40, status: 20 };

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$schema' || key === 'pattern' || key === 'format' || key === 'propertyNames') continue;
    out[key] = strip(value);
  }
  return out;
}

export function rxSchemaOf<C extends CollectionName>(name: C): RxJsonSchema<DocumentOf<C>> {
  const { schema, version } = collections[name];
  const json = strip(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' })) as Json;
  const properties = json.properties as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  const indexes = INDEXES[name];
  for (const field of new Set(indexes.flat())) {
    const property = properties[field];
    if (!property || !required.has(field)) throw new Error(`rx schema ${name}: indexed field ${field} must be required`);
    property.maxLength = Math.min(Number(property.maxLength ?? 64), INDEXED_MAX_LENGTH[field] ?? 64);
  }
  const rxSchema: Json = {
    title: name,
    version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: [...required],
    indexes,
    additionalProperties: false,
  };
  return rxSchema as unknown as RxJsonSchema<DocumentOf<C>>;
}
