// What the orchestration services need from their process; web, agents and tests each build one.
import type { Db, Sql } from "../../db/create-prisma";
import type { Dispatcher } from "../../queues/dispatcher";
import type { TaskSignals } from "../../queues/task-signals";
import type { RealtimePublisher } from "../../realtime/publisher";
import type { RedisKeys } from "../../redis-keys";

export interface OrchestratorDeps {
  db: Db;
  /** The statements every subtask runs, on the same pool as `db` (see db/sql.ts). */
  sql: Sql;
  dispatcher: Dispatcher;
  publisher: RealtimePublisher;
  keys: RedisKeys;
  signals: TaskSignals;
}
