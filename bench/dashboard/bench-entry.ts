// One measured dashboard query: a name, the goal it must meet at p95, and the call itself. The
// context carries values picked from the seeded data once, so every entry can use real ids.
import type { Db } from "../../server/db/create-prisma";

export interface BenchContext {
  db: Db;
  /** The creator with the most tasks, a profile that few subtasks use, and the newest task's day. */
  busyCreatorId: string;
  rareProfileId: string;
  newestCreatedAt: Date;
}

export interface BenchEntry {
  group: string;
  name: string;
  /** Goal at p95, in milliseconds. */
  goalMs: number;
  run: (ctx: BenchContext) => Promise<unknown>;
}

/** Returns the entries prepared once: some need a cursor or id found by an earlier query. */
export type BenchEntries = (ctx: BenchContext) => Promise<BenchEntry[]>;
