/**
 * The device's database: one RxDB database per signed-in user (so logging out can wipe exactly
 * that user's data), eleven collections — under free RxDB's limit of 13 open collections per
 * JavaScript process. Dexie (IndexedDB) storage in the app, the memory storage in unit tests.
 */
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTION_NAMES, type CollectionName, type DocumentOf } from '../../shared/schemas';
import { conflictHandlers } from './sync/conflicts';
import { migrationStrategies } from './migrations';
import { rxSchemaOf } from './rx-schemas';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type CadranCollections = { [C in CollectionName]: RxCollection<DocumentOf<C>> };
export type CadranDatabase = RxDatabase<CadranCollections>;

export type OpenDatabaseOptions = {
  /** e.g. `cadran-u-12`; IndexedDB database names derive from it. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxStorage's internals differ per storage.
  storage: RxStorage<any, any>;
  /** Several tabs of the browser build may share one database. */
  multiInstance?: boolean;
};

export async function openDatabase({ name, storage, multiInstance = false }: OpenDatabaseOptions): Promise<CadranDatabase> {
  const db = await createRxDatabase<CadranCollections>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    // Local documents (not replicated) hold sync bookkeeping such as the pending-changes set.
    localDocuments: true,
    // A second open of the same database (React StrictMode, a hot reload) must not throw.
    ignoreDuplicate: false,
    closeDuplicates: true,
  });
  const creators = Object.fromEntries(
    COLLECTION_NAMES.map((collection) => [
      collection,
      {
        schema: rxSchemaOf(collection),
        migrationStrategies: migrationStrategies[collection],
        conflictHandler: conflictHandlers[collection] as RxConflictHandler<unknown>,
      },
    ]),
  );
  await db.addCollections(creators);
  return db;
}
