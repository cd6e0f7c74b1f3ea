/**
 * `npm run server [-- …]`:
 *   (nothing)                 start the sync server (PGlite in DATA_DIR, or DATABASE_URL)
 *   --demo [--size=large]     seed the demo year first (once, when there is no client)
 *   user add --email … --name … --role … [--password …]   create a user and exit
 *   copy-to-postgres --to postgres://…                     copy DATA_DIR (PGlite) to PostgreSQL
 *   export-client --client ID --to FILE                    a client's reversibility ZIP (CG art. 23)
 *   import-client --from FILE                              load such a ZIP into this server
 * SIGTERM/SIGINT stop gracefully: stop accepting, finish requests in flight, end the event
 * streams, close the database.
 */
import { buildApp } from './app';
import { checkOptions, parseArgs, stringOption } from './cli/args';
import { copyToPostgres } from './cli/copy-to-postgres';
import { exportClientCommand, importClientCommand } from './cli/reversibility';
import { userAdd } from './cli/user-add';
import { readConfig, type ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/seed';
import { describeError } from './log-redaction';
import { stampLegacyLogbook } from './services/logbook-order';
import { bootstrapAdmin } from './services/users';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function open(config: ServerConfig): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onError: (error) => console.error(`database: ${describeError(error)}`),
  });
}

async function serve(config: ServerConfig, demo: 'normal' | 'large' | null): Promise<void> {
  const db = await open(config);
  const admin = await bootstrapAdmin(db, config.adminEmail, config.adminPassword);
  if (admin?.generated) {
    print(`First start: created the admin ${admin.email} with the password ${admin.password}`);
    print('It is shown only this once: sign in and keep it safe (or set CADRAN_ADMIN_PASSWORD).');
  }
  if (demo) {
    const result = await seedDemo(db, { size: demo, now: new Date() });
    print(
      result.seeded ? `Demo data seeded (${result.summary}). Sign in as:` : 'Demo data already present. Sign in as:',
    );
    for (const login of result.logins) print(`  ${login.role.padEnd(10)} ${login.email.padEnd(36)} ${login.password}`);
  }

  // Before listening: devices order the main courante by the server's stamp.
  const stamped = await stampLegacyLogbook(db);
  if (stamped > 0) print(`Main courante: ${stamped} earlier entries given the server's order.`);

  const app = await buildApp({ db, config, reconcileInvoicesAtStart: true });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ db: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined }, 'sync server ready');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = readConfig(process.env);
  const [command, sub] = args.positional;

  if (command === 'user' && sub === 'add') {
    const db = await open(config);
    try {
      await userAdd(db, args, print);
    } finally {
      await db.close();
    }
    return;
  }
  if (command === 'copy-to-postgres' && sub === undefined) {
    const db = await open({ ...config, databaseUrl: undefined });
    try {
      await copyToPostgres(db, args, print);
    } finally {
      await db.close();
    }
    return;
  }
  const reversibility = { 'export-client': exportClientCommand, 'import-client': importClientCommand } as const;
  if ((command === 'export-client' || command === 'import-client') && sub === undefined) {
    const db = await open(config);
    try {
      await reversibility[command](db, args, print);
    } finally {
      await db.close();
    }
    return;
  }
  if (command !== undefined) {
    throw new Error(
      `unknown command "${args.positional.join(' ')}" (expected: user add, copy-to-postgres, export-client, import-client)`,
    );
  }

  checkOptions(args, ['demo', 'size'], 'server');
  const size = stringOption(args, 'size') ?? 'normal';
  if (size !== 'normal' && size !== 'large') throw new Error(`--size must be normal or large, not "${size}"`);
  if (args.options.has('size') && !args.options.has('demo')) throw new Error('--size goes with --demo');
  await serve(config, args.options.has('demo') ? size : null);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
