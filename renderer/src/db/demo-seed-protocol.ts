// The messages between the demo seeding worker (demo-seed.worker.ts) and the window that
// starts it: a worker is started, never imported, so both sides import these types from here.
export interface SeedRequest {
  dbName: string;
  dataKey: CryptoKey;
  /** A lead's posts: only their entries are stored. Absent at HQ: all of them. */
  posts?: string[];
}

export type SeedMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; stored: number }
  | { type: 'error'; message: string };
