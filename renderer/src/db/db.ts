// The Dexie database and how it opens: versioned schema, refusal of a database written by
// a newer app version, and hand-over to another window that needs to upgrade it.
import Dexie, { type Table } from 'dexie';
import { type ChangeLogRow } from './change-log.ts';
import { catalogueTypes, withRecordTypes, type ActivityTypeLookup } from './catalogue.ts';
import { ConnectionKeeper } from './connection.ts';
import { DbError, toDbError } from './errors.ts';
import { upgradeToV2 } from './migrations.ts';
import { upgradeToV4 } from './migrations-v4.ts';
import { upgradeToV7 } from './migrations-v7.ts';
import { randomId } from './random-id.ts';
import {
  DB_VERSION,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V4,
  STORES_V5,
  STORES_V6,
  STORES_V7,
  STORES_V8,
  STORES_V9,
  STORES_V10,
  type ActivityRow,
  type DraftRow,
  type MetaRow,
  type RollupJournalRow,
  type RollupStoredRow,
  type TrailRow,
} from './schema.ts';
import {
  type DeferredRow,
  type ExchangeStateRow,
  type ImportRunRow,
  type LocalApprovalRow,
  type PendingBundleRow,
  type PendingDeviceRow,
  type QueuedFileRow,
  type ReceivedBundleRow,
  type SenderRow,
} from './exchange/schema.ts';

export interface DbDeps {
  /** The activity-type catalogue (sensitive fields, known versions); default: shared/domain. */
  types?: ActivityTypeLookup;
  /** Wall clock in ms; injected so tests can run several devices and fixed times. */
  now?: () => number;
  /**
   * New record, draft, bundle and run ids (default: 128 random bits, `randomId`); injected
   * so a seeded generator (the demo network) and tests get the same ids on every run. Never
   * a source of key material: keys and IVs always come from WebCrypto.
   */
  newId?: () => string;
  /** A number in [0, 1) for choices that are not secrets (jitter); default Math.random. */
  random?: () => number;
}

export class LiaisonDb extends Dexie {
  // `declare`: Dexie creates these in version().stores(); a class field would reset them.
  declare activities: Table<ActivityRow, string>;
  declare changes: Table<ChangeLogRow, [string, number]>;
  declare meta: Table<MetaRow, string>;
  declare drafts: Table<DraftRow, string>;
  // The bundle exchange (version 3); only exchange*.ts touch these.
  declare exchangeBundles: Table<ReceivedBundleRow, string>;
  declare exchangeSenders: Table<SenderRow, string>;
  declare exchangeDeferred: Table<DeferredRow, [string, number]>;
  declare exchangePendingDevices: Table<PendingDeviceRow, string>;
  declare exchangePendingBundles: Table<PendingBundleRow, string>;
  declare exchangeApprovals: Table<LocalApprovalRow, string>;
  declare exchangeQueue: Table<QueuedFileRow, string>;
  declare exchangeRuns: Table<ImportRunRow, string>;
  declare exchangeState: Table<ExchangeStateRow, string>;
  // Summary rollups (version 5, packed by month since 7); only rollups*.ts touch it.
  declare summaryRollups: Table<RollupStoredRow, string>;
  declare rollupJournal: Table<RollupJournalRow, number>;
  // The history of imported saves (version 6); only trail.ts touches it, and only reads it:
  // imports since keep an entry's saves in its row (ActivityRow.trail).
  declare changeTrail: Table<TrailRow, [string, string]>;

  readonly typeLookup: ActivityTypeLookup;
  readonly now: () => number;
  readonly newId: () => string;
  readonly random: () => number;
  /** Reopens after a close the browser forced, and remembers why it closed. */
  readonly connection: ConnectionKeeper;

  constructor(name: string, deps: DbDeps = {}) {
    super(name);
    this.typeLookup = deps.types ? withRecordTypes(deps.types) : catalogueTypes;
    this.now = deps.now ?? (() => Date.now());
    this.newId = deps.newId ?? randomId;
    this.random = deps.random ?? Math.random;
    // Every version stays declared: Dexie replays the upgrades from whatever is installed.
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) => upgradeToV2(tx, this.typeLookup));
    // New tables only (STORES_V3): no data to move, so no upgrade step.
    this.version(3).stores(STORES_V3);
    this.version(4).stores(STORES_V4).upgrade(upgradeToV4);
    // Version 5 counted the entries into per-cell rollup rows; version 7 counts them again,
    // packed, so an older database is counted once, by version 7's upgrade.
    this.version(5).stores(STORES_V5);
    // A new table only (STORES_V6): no data to move.
    this.version(6).stores(STORES_V6);
    this.version(7)
      .stores(STORES_V7)
      .upgrade((tx) => upgradeToV7(tx));
    // Indexes only (STORES_V8): IndexedDB drops the two old ones and fills the officer's
    // from the stored rows in the version change, so no data moves.
    this.version(8).stores(STORES_V8);
    // The same stores (STORES_V9): rows may now hold what a version 8 build would drop.
    this.version(9).stores(STORES_V9);
    // One row per save in the change log from now on (STORES_V10); older rows stay readable.
    this.version(10).stores(STORES_V10);
    this.connection = new ConnectionKeeper(this);
  }

  /** A close the app asks for stays closed; one the browser forces is reopened on next use. */
  override close(options?: { disableAutoOpen: boolean }): void {
    this.connection.noteClose(options);
    super.close(options);
  }
}

export interface OpenOptions extends DbDeps {
  /**
   * Another window (a newer Liaison Log) wants to upgrade or delete the database. This
   * connection has already closed itself so that it can; the UI should ask for a reload.
   */
  onVersionChange?: () => void;
  /** Our upgrade waits for another window that keeps the old version open. */
  onBlocked?: () => void;
  /** How long to wait for that window before giving up with DbError 'blocked'. */
  blockedTimeoutMs?: number;
  /**
   * The stored database is an older schema (`from`) and opening it upgrades it: at HQ's size
   * that can take minutes with nothing else to show (IndexedDB builds a new index inside the
   * version change, with no progress), so the UI says so before the open starts. Not called
   * for a new database, nor where the engine cannot list its databases.
   */
  onUpgrade?: (from: number) => void;
}

/** Dexie stores version n as native version 10n (10n + 1 after a schema patch). */
function schemaVersionOf(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10);
}

/**
 * The installed schema version, read without opening: Dexie 4 silently opens a database
 * of a higher version (no VersionError) and may even patch it, so we must look first.
 * undefined when unknown (no such database, or no indexedDB.databases() in this engine).
 */
async function installedVersion(name: string): Promise<number | undefined> {
  const factory = Dexie.dependencies.indexedDB;
  if (typeof factory.databases !== 'function') return undefined;
  const found = (await factory.databases()).find((d) => d.name === name);
  return found?.version === undefined ? undefined : schemaVersionOf(found.version);
}

function tooNew(installed: number): DbError {
  return new DbError(
    'version-too-new',
    `The database was written by a newer Liaison Log (schema ${installed}, this app knows ${DB_VERSION}).`,
  );
}

/** Opens (creating or upgrading) the database; every failure is a DbError. */
export async function openDatabase(
  name = 'liaison-log',
  options: OpenOptions = {},
): Promise<LiaisonDb> {
  let installed: number | undefined;
  try {
    installed = await installedVersion(name);
  } catch (e) {
    throw toDbError(e, 'open-failed');
  }
  if (installed !== undefined && installed > DB_VERSION) throw tooNew(installed);
  if (installed !== undefined && installed > 0 && installed < DB_VERSION) {
    options.onUpgrade?.(installed);
  }

  const db = new LiaisonDb(name, options);
  db.on('versionchange', () => {
    // Dexie already closed, but would reopen on the next query, at the newer version.
    // Stay closed: this window's code does not know that schema.
    db.close();
    options.onVersionChange?.();
  });
  // Sticky: also guards the automatic reopen after the browser closed the connection, and
  // catches a newer database in an engine without indexedDB.databases().
  db.on(
    'ready',
    () => {
      const native = db.backendDB().version;
      if (schemaVersionOf(native) > DB_VERSION) throw tooNew(schemaVersionOf(native));
    },
    true,
  );
  try {
    await openWithin(db, options);
  } catch (e) {
    // A blocked open is still queued in IndexedDB; openWithin closes it once it lands.
    if (!(e instanceof DbError && e.code === 'blocked')) db.close();
    throw toDbError(e, 'open-failed');
  }
  return db;
}

/** db.open(), but a wait on another window longer than blockedTimeoutMs fails as 'blocked'. */
function openWithin(db: LiaisonDb, options: OpenOptions): Promise<void> {
  const timeoutMs = options.blockedTimeoutMs ?? 10_000;
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    db.on('blocked', () => {
      options.onBlocked?.();
      timer ??= setTimeout(() => {
        gaveUp = true;
        reject(new DbError('blocked', 'Another Liaison Log window keeps the database open.'));
      }, timeoutMs);
    });
    db.open().then(
      () => {
        clearTimeout(timer);
        // The other window let go after we gave up: nobody holds this instance, close it.
        if (gaveUp) db.close();
        else resolve();
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
