/**
 * `npm run server -- copy-to-postgres --to postgres://…`: moves an embedded installation
 * (PGlite in DATA_DIR, server stopped) to PostgreSQL when the office grows. Documents keep
 * their seqs, so devices continue from their checkpoints without a full re-download; accounts
 * keep their password hashes and device sessions their refresh tokens; the JWT secret moves
 * too, so access tokens stay valid. The target must be empty (migrated here if new).
 */
import { asc, gt, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/database';
import { openDatabase } from '../db/open';
import { accounts, documents, refreshTokens, serverSettings } from '../db/schema';
import { checkOptions, type ParsedArgs, stringOption } from './args';

const BATCH = 1000;

export async function copyToPostgres(source: Database, args: ParsedArgs, print: (line: string) => void): Promise<void> {
  checkOptions(args, ['to'], 'copy-to-postgres');
  const url = stringOption(args, 'to');
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error('copy-to-postgres: --to must be a postgres:// URL');
  if (source.kind !== 'pglite')
    throw new Error('copy-to-postgres: the source is already PostgreSQL (unset DATABASE_URL to copy DATA_DIR)');

  const target = await openDatabase({ databaseUrl: url });
  try {
    const [filled] = await queryRows<{ n: number }>(
      target.orm,
      sql`select (select count(*) from accounts) + (select count(*) from documents) as n`,
    );
    if (Number(filled?.n ?? 0) > 0) throw new Error('copy-to-postgres: the target database is not empty');

    await target.orm.transaction(async (tx) => {
      for (const row of await source.orm.select().from(accounts)) await tx.insert(accounts).values(row);
      for (const row of await source.orm.select().from(serverSettings)) await tx.insert(serverSettings).values(row);
      const tokens = await source.orm.select().from(refreshTokens);
      for (let i = 0; i < tokens.length; i += BATCH) await tx.insert(refreshTokens).values(tokens.slice(i, i + BATCH));
      let copied = 0;
      let after = 0;
      for (;;) {
        const rows = await source.orm
          .select()
          .from(documents)
          .where(gt(documents.seq, after))
          .orderBy(asc(documents.seq))
          .limit(BATCH);
        const last = rows.at(-1);
        if (!last) break;
        await tx.insert(documents).values(rows);
        copied += rows.length;
        after = last.seq;
      }
      // New writes continue after the highest seq devices may hold as a checkpoint.
      await tx.execute(sql`select setval('document_seq', greatest((select max(seq) from documents), 1))`);
      print(`Copied ${copied} documents and ${tokens.length} device sessions to PostgreSQL.`);
    });
    print('Start the server with DATABASE_URL set to that URL; keep DATA_DIR as a backup.');
  } finally {
    await target.close();
  }
}
