// Log path: 4 agent-like processes emit 1,000 log lines per second in total through the agent's
// own LogSink (batched PostgreSQL writes with gap-free seqs, then the Redis emitter) to a
// signed-in Socket.IO client of the app's realtime server; latency from emit to receipt, beside a
// bare Redis pub/sub → Socket.IO relay fed at the same rate in the same run. Then a burst as fast
// as the processes can emit, for lines persisted per second (beside plain multi-row INSERTs of the
// same rows), and a check that every line is stored with every seq present.
// The sink is driven directly rather than through the simulated model's stream: streamed text is
// stored one event per batch of sentences, so only the tool-call and status path (LogSink.push)
// gives one stored line per emitted line.
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { createRedis } from "../server/create-redis";
import { startTestRealtime } from "../server/testing/test-realtime";
import { createTestDeps, resetData } from "../server/testing/test-deps";
import type { EmitDone, EmitOrder } from "./support/log-emitter";
import { openSignedInSocket } from "./support/pipeline";
import { rooms } from "../server/contracts/realtime";
import { compare, distribution, fmt, monotonicMs, printHeader, printSummary } from "./support/report";

const EMITTERS = 4;
const TOTAL_PER_SECOND = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 5000); // lines per emitter
const WARM_UP = 50;
const perEmitter = TOTAL_PER_SECOND / EMITTERS;
const steady = SECONDS * perEmitter;

printHeader("Log path: emit → signed-in Socket.IO client, against a bare Redis pub/sub → Socket.IO relay", [
  `${EMITTERS} emitting processes × ${perEmitter} lines/s for ${SECONDS} s, then a burst of ${EMITTERS} × ${BURST} lines`,
]);
const deps = createTestDeps("bench-log-path");
await resetData(deps);
const realtime = await startTestRealtime(deps);
const bare = await startBareRelay(`${deps.prefix}:bare-logs`);
const newTasks = () => Promise.all(Array.from({ length: EMITTERS }, (_, i) => deps.db.task.create({ data: { title: `Log path ${i + 1}`, prompt: "log path benchmark", status: "RUNNING" } })));
const tasks = await newTasks();

let phase = "warm-up";
const latencies = new Map<string, number[]>();
const received = new Map<string, Set<number>>();
const onLog = (source: string) => (event: { taskId: string; data: unknown }) => {
  const data = event.data as { line: number; emittedAtMs: number };
  const at = monotonicMs();
  const key = `${source}:${phase}`;
  (latencies.get(key) ?? latencies.set(key, []).get(key)!).push(at - data.emittedAtMs);
  const lines = received.get(`${source}:${event.taskId}`) ?? received.set(`${source}:${event.taskId}`, new Set()).get(`${source}:${event.taskId}`)!;
  lines.add(data.line);
};
const client = await openSignedInSocket(deps, realtime.url, tasks.map((task) => rooms.task(task.id)));
client.on("log", onLog("app"));
const bareClient = connect(bare.url, { transports: ["websocket"], reconnection: false });
await new Promise<void>((resolve) => bareClient.once("connect", () => resolve()));
bareClient.on("log", onLog("bare"));

const emitters = await startEmitters(EMITTERS, deps.prefix);
const run = (mode: EmitOrder["mode"], lines: number, perSecond: number, firstLine: number, taskIds = tasks.map((t) => t.id)) =>
  Promise.all(emitters.map((emitter, i) => emitter.order({ mode, taskId: taskIds[i]!, lines, perSecond, channel: bare.channel, firstLine })));
const settle = async (source: string, expected: number) => {
  for (let i = 0; i < 100 && countReceived(source) < expected; i++) await sleep(50);
};
const countReceived = (source: string) => [...received].filter(([key]) => key.startsWith(`${source}:`)).reduce((n, [, set]) => n + set.size, 0);

try {
  await run("sink", WARM_UP, perEmitter, 1);
  await run("bare", WARM_UP, perEmitter, 1);
  await settle("app", EMITTERS * WARM_UP);
  await settle("bare", EMITTERS * WARM_UP);
  phase = "steady";
  await run("sink", steady, perEmitter, WARM_UP + 1);
  await settle("app", EMITTERS * (WARM_UP + steady));
  await run("bare", steady, perEmitter, WARM_UP + 1);
  await settle("bare", EMITTERS * (WARM_UP + steady));
  const appReceived = countReceived("app");
  const bareReceived = countReceived("bare");

  phase = "burst";
  const burst = await run("sink", BURST, 0, WARM_UP + steady + 1);
  const persistedPerSecond = (EMITTERS * BURST) / ((Math.max(...burst.map((d) => d.finishedAtMs)) - Math.min(...burst.map((d) => d.startedAtMs))) / 1000);
  const insertTasks = await newTasks();
  const inserted = await run("insert", BURST, 0, 1, insertTasks.map((t) => t.id));
  const insertedPerSecond = (EMITTERS * BURST) / ((Math.max(...inserted.map((d) => d.finishedAtMs)) - Math.min(...inserted.map((d) => d.startedAtMs))) / 1000);

  // Every emitted line stored once, with seqs 1..n and no gap, in every task.
  const expected = WARM_UP + steady + BURST;
  const stored = await deps.db.$queryRaw<{ taskId: string; rows: bigint; minSeq: number; maxSeq: number; lines: bigint }[]>`
    SELECT "taskId", count(*) AS rows, min(seq) AS "minSeq", max(seq) AS "maxSeq", count(DISTINCT data->>'line') AS lines
    FROM "LogEvent" WHERE "taskId" = ANY(${tasks.map((t) => t.id)}) GROUP BY "taskId"`;
  const complete = tasks.filter((task) => {
    const row = stored.find((r) => r.taskId === task.id);
    return row && Number(row.rows) === expected && row.minSeq === 1 && row.maxSeq === expected && Number(row.lines) === expected;
  }).length;
  const lost = EMITTERS * expected - stored.reduce((n, row) => n + Number(row.lines), 0);

  const app = distribution(latencies.get("app:steady") ?? []);
  const base = distribution(latencies.get("bare:steady") ?? []);
  const burstLatency = distribution(latencies.get("app:burst") ?? []);
  console.log(`\n  app path, emit → client (${app.n} lines at ${TOTAL_PER_SECOND}/s): p50 ${fmt(app.p50, "ms")}, p99 ${fmt(app.p99, "ms")}, max ${fmt(app.max, "ms")}; received ${appReceived} of ${EMITTERS * (WARM_UP + steady)}`);
  console.log(`  bare relay, publish → client (${base.n} lines at ${TOTAL_PER_SECOND}/s): p50 ${fmt(base.p50, "ms")}, p99 ${fmt(base.p99, "ms")}, max ${fmt(base.max, "ms")}; received ${bareReceived} of ${EMITTERS * (WARM_UP + steady)}`);
  console.log(`  burst of ${EMITTERS * BURST} lines: persisted at ${persistedPerSecond.toFixed(0)} lines/s (first emit → last stored), plain INSERTs of the same rows ${insertedPerSecond.toFixed(0)} lines/s; live latency during the burst p50 ${fmt(burstLatency.p50, "ms")}, p99 ${fmt(burstLatency.p99, "ms")}`);
  console.log(`  stored: ${complete} of ${EMITTERS} tasks have all ${expected} lines with seqs 1..${expected} and no gap; ${lost} lines missing\n`);
  compare({ label: "log latency p99", unit: "ms", value: app.p99, baseline: base.p99, goal: "≤ 50 ms", met: app.p99 <= 50 });
  compare({ label: "lines persisted, no line lost", unit: "/s", value: persistedPerSecond, baseline: insertedPerSecond, goal: "≥ 2,000 lines/s, none lost", met: persistedPerSecond >= 2000 && lost === 0 && complete === EMITTERS });
  printSummary();
} finally {
  client.disconnect();
  bareClient.disconnect();
  await Promise.all(emitters.map((emitter) => emitter.stop()));
  await bare.close();
  await realtime.close();
  await deps.close();
}

async function startEmitters(count: number, prefix: string) {
  return Promise.all(Array.from({ length: count }, async () => {
    const child: ChildProcess = fork(path.join(import.meta.dirname, "support", "log-emitter.ts"), [], { execArgv: ["--import", "tsx"], env: { ...process.env, BATON_REDIS_PREFIX: prefix } });
    await new Promise((resolve) => child.once("message", resolve));
    return {
      order: (order: EmitOrder) => new Promise<EmitDone>((resolve) => { child.once("message", (done) => resolve(done as EmitDone)); child.send(order); }),
      stop: () => new Promise((resolve) => { child.once("exit", resolve); child.kill("SIGTERM"); }),
    };
  }));
}

/** The least a relay can do: one Redis subscription, every message to every socket, no auth, no rooms. */
async function startBareRelay(channel: string) {
  const subscriber = createRedis(process.env.REDIS_URL!, "subscribe");
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  await subscriber.subscribe(channel);
  subscriber.on("message", (_channel: string, message: string) => io.emit("log", JSON.parse(message)));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    channel,
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    async close() {
      await io.close();
      await subscriber.quit();
    },
  };
}
