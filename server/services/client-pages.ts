/**
 * The documents of a client scope in checkpoint order, filtered in SQL before the limit so a
 * page is never emptied by filtering while more rows follow (the ordering invariant of
 * document-store.ts holds unchanged: a client account's pull sees a subset of the rows, in the
 * same (seq, id) order).
 *
 * For collections owned through `clientId` the query walks, for each of the scope's clients,
 * the `(collection, clientId, seq, id)` index from the checkpoint and stops at the limit, then
 * merges: a page costs (clients × limit) index entries however many documents other clients
 * have. `hidden` rows are skipped inside that walk. The client document itself is read by
 * primary key, the `users` collection (a few hundred rows) by its seq index.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { CollectionName } from '../../shared/schemas';
import type { AuthUser, Checkpoint } from '../../shared/sync';
import type { Orm } from '../db/database';
import { type ClientScope, clientRule, clientView } from './client-scope';
import { type Page, PAGE_COLUMNS, type PageRow, readPage } from './document-store';

/** Which rows of the scope: a client account's view, or everything a client owns (export). */
export type ScopeMode = 'account' | 'owned';

/**
 * The SQL selecting the scope's rows strictly after `after`, in (seq, id) order, up to `limit`
 * (null: all of them, for a cursor).
 */
export function scopedPageQuery(
  collection: CollectionName,
  scope: ClientScope,
  mode: ScopeMode,
  after: Checkpoint | null,
  limitOrAll: number | null,
  options: { includeDeleted: boolean },
): SQL {
  const limit = limitOrAll === null ? sql`` : sql`limit ${limitOrAll}`;
  const rule = clientRule(collection);
  const ids = JSON.stringify(scope.clientIds);
  const afterSql = sql`(seq, id) > (${after?.seq ?? -1}::bigint, ${after?.id ?? ''}::text)`;
  const hidden = mode === 'account' && rule.hidden ? sql`and not (${rule.hidden.sql})` : sql``;
  const live = options.includeDeleted ? sql`` : sql`and not deleted`;
  switch (rule.owner) {
    case 'clientId': {
      const granted =
        mode === 'account' && rule.vaultGrant
          ? sql`where o.id in (select c.id from documents c where c.collection = 'clients' and not c.deleted
                  and c.doc->'vaultAccess' ? ${scope.accountId ?? ''})`
          : sql``;
      return sql`select p.* from (select o.id as owner from jsonb_array_elements_text(${ids}::jsonb) as o(id) ${granted}) owners
        cross join lateral (
          select ${PAGE_COLUMNS} from documents
          where collection = ${collection} and doc->>'clientId' = owners.owner and ${afterSql} ${hidden} ${live}
          order by seq, id
          ${limit}) p
        order by p.seq, p.id
        ${limit}`;
    }
    case 'itself':
      return sql`select ${PAGE_COLUMNS} from documents
        where collection = ${collection} and id in (select jsonb_array_elements_text(${ids}::jsonb))
          and ${afterSql} ${hidden} ${live}
        order by seq, id
        ${limit}`;
    case 'users': {
      const accounts =
        scope.accountId !== null
          ? sql`id = ${scope.accountId}`
          : sql`coalesce(doc->'clientIds', '[]'::jsonb) ?| array(select jsonb_array_elements_text(${ids}::jsonb))`;
      return sql`select ${PAGE_COLUMNS} from documents
        where collection = ${collection} and (doc->>'role' <> 'client' or ${accounts}) and ${afterSql} ${hidden} ${live}
        order by seq, id
        ${limit}`;
    }
  }
}

/** The scope of a client account's token. */
export function accountScope(account: AuthUser): ClientScope {
  return { clientIds: account.clientIds ?? [], accountId: account.id };
}

/** A client account's pull page: only its clients' documents it may read, as it may see them. */
export async function clientPageAfter(
  db: Orm,
  collection: CollectionName,
  after: Checkpoint | null,
  limit: number,
  maxBytes: number,
  account: AuthUser,
): Promise<Page> {
  const { rows, truncated } = await readPage(
    db,
    scopedPageQuery(collection, accountScope(account), 'account', after, limit, { includeDeleted: true }),
    limit,
    maxBytes,
  );
  return { rows: applyClientView(collection, rows), truncated };
}

/** Rewrites each row's JSON to the client's view of it, for collections that have a view. */
export function applyClientView(collection: CollectionName, rows: PageRow[]): PageRow[] {
  if (!clientRule(collection).view) return rows;
  return rows.map((row) => ({
    ...row,
    json: JSON.stringify(clientView(collection, JSON.parse(row.json) as Record<string, unknown>)),
  }));
}
