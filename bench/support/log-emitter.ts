// One process that emits log lines the way an agent process does, for the log-path benchmark:
// "sink" pushes them into the agent's own LogSink (batched writes to PostgreSQL, then the Redis
// emitter to Socket.IO), "bare" publishes them straight to a Redis channel (the relay baseline),
// "insert" writes the same rows with plain multi-row INSERTs (the persistence baseline). Each
// line carries its number and the machine-wide monotonic time it was emitted at.
import { setTimeout as sleep } from "node:timers/promises";
import { LogSink } from "../../agent/worker/log-sink";
import { createRedis } from "../../server/create-redis";
import { createDatabase } from "../../server/db/create-prisma";
import { createRealtimePublisher } from "../../server/realtime/publisher";
import { redisKeys } from "../../server/redis-keys";
import { monotonicMs } from "./report";

export interface EmitOrder {
  mode: "sink" | "bare" | "insert";
  taskId: string;
  lines: number;
  /** 0: as fast as the process can. */
  perSecond: number;
  channel: string;
  firstLine?: number;
}
export interface EmitDone {
  type: "done";
  startedAtMs: number;
  finishedAtMs: number;
}

const { db, sql } = createDatabase(process.env.DATABASE_URL!, { max: 3 });
const redis = createRedis(process.env.REDIS_URL!);
const publisher = createRealtimePublisher(redis, redisKeys(process.env.BATON_REDIS_PREFIX!).socketIoKey);
const sink = new LogSink({ sql, publisher });
const INSERT_BATCH = 100;

async function emit(order: EmitOrder): Promise<EmitDone> {
  const startedAtMs = monotonicMs();
  const first = order.firstLine ?? 1;
  let batch: { line: number; emittedAtMs: number }[] = [];
  for (let i = 0; i < order.lines; i++) {
    if (order.perSecond > 0) {
      const due = startedAtMs + (i * 1000) / order.perSecond;
      const wait = due - monotonicMs();
      if (wait > 0.5) await sleep(wait);
    } else if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    const line = first + i;
    const emittedAtMs = monotonicMs();
    const message = `Tool result ${line}: read 2,048 bytes from src/module-${line % 97}.ts in the workspace.`;
    if (order.mode === "sink") sink.push(order.taskId, { kind: "TOOL_RESULT", message, data: { line, emittedAtMs } });
    else if (order.mode === "bare") void redis.publish(order.channel, JSON.stringify({ taskId: order.taskId, seq: line, message, data: { line, emittedAtMs } }));
    else {
      batch.push({ line, emittedAtMs });
      if (batch.length === INSERT_BATCH || i === order.lines - 1) {
        await insertRows(order.taskId, batch, message);
        batch = [];
      }
    }
  }
  if (order.mode === "sink") await sink.flush();
  return { type: "done", startedAtMs, finishedAtMs: monotonicMs() };
}

function insertRows(taskId: string, rows: { line: number; emittedAtMs: number }[], message: string) {
  const payload = JSON.stringify(rows.map((row) => ({ seq: row.line, data: row })));
  return db.$executeRaw`
    INSERT INTO "LogEvent" ("taskId", seq, kind, level, message, data, "createdAt")
    SELECT ${taskId}, (e->>'seq')::int, 'TOOL_RESULT', 'INFO', ${message}, e->'data', now()
    FROM jsonb_array_elements(${payload}::jsonb) e`;
}

process.on("message", (order: EmitOrder) => void emit(order).then((done) => process.send?.(done)));
process.on("SIGTERM", async () => {
  await sink.close();
  await redis.quit();
  await db.$disconnect();
  process.exit(0);
});
process.send?.({ type: "ready" });
