// Agent cost: what one idle agent process costs — memory (RSS, and PSS/USS from smaps_rollup) and
// the time from the daemon forking it to the agent reporting ready (connected, BullMQ worker
// ready, IDLE) — over a series of spawns through the real daemon. Baseline in the same run: a bare
// `node -e` process that connects ioredis and starts a BullMQ Worker; for reference, a bare node
// process that only reports ready.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { waitFor } from "../server/testing/test-deps";
import { startFleet } from "./support/pipeline";
import { percentile, printResult, printTable } from "./support/report";

const SPAWNS = Number(process.env.BENCH_SPAWNS ?? 10);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2000);

interface Sample {
  readyMs: number;
  rssKb: number;
  pssKb?: number;
  ussKb?: number;
}

/** Memory of one process in kB: RSS from status, PSS and USS (private pages) from smaps_rollup when readable. */
function memoryOf(pid: number): Omit<Sample, "readyMs"> {
  const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN);
  const rssKb = field(fs.readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS");
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return { rssKb, pssKb: field(rollup, "Pss"), ussKb: field(rollup, "Private_Clean") + field(rollup, "Private_Dirty") };
  } catch {
    return { rssKb };
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function agentSamples(): Promise<Sample[]> {
  const pipeline = await startFleet("bench-agent-cost", {
    BATON_MAX_AGENTS: "2",
    // No agent of its own accord: each one is started by a command, measured, and stopped.
    BATON_FLEET: "generalist=0-2,analyst=0-0,researcher=0-0,tester=0-0",
  });
  const { db, fleetCommands } = pipeline.deps;
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < SPAWNS; i++) {
      const seen = new Set((await db.agentProcess.findMany({ select: { id: true } })).map((a) => a.id));
      // Until the daemon listens for commands, nobody hears them.
      await waitFor("the daemon to hear fleet commands", async () => (await fleetCommands.send({ id: randomUUID(), type: "start", profile: "generalist", requestedBy: "bench" })) > 0, 120_000, 200);
      const agent = await waitFor("the new agent to be idle", async () => {
        const rows = await db.agentProcess.findMany({ where: { state: "IDLE" } });
        return rows.find((row) => !seen.has(row.id));
      }, 60_000, 20);
      await settle();
      samples.push({ readyMs: agent.stateChangedAt.getTime() - agent.startedAt.getTime(), ...memoryOf(agent.pid!) });
      await fleetCommands.send({ id: randomUUID(), type: "stop", agentId: agent.id, mode: "graceful", requestedBy: "bench" });
      await waitFor("the agent to exit", async () => (await db.agentProcess.findUniqueOrThrow({ where: { id: agent.id } })).endedAt, 30_000, 50);
    }
  } finally {
    await pipeline.stop();
  }
  return samples;
}

const BULLMQ_WORKER = `
const { Worker } = require("bullmq");
const Redis = require("ioredis");
const connection = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const worker = new Worker(process.env.QUEUE, async () => {}, { connection, prefix: process.env.PREFIX });
worker.waitUntilReady().then(() => process.send("ready"));
process.on("SIGTERM", () => worker.close().then(() => connection.quit()).then(() => process.exit(0)));
`;
const BARE = `process.send("ready"); setInterval(() => {}, 1000); process.on("SIGTERM", () => process.exit(0));`;

/** Spawns `node -e code` with an IPC channel: spawn → its "ready" message, then its memory once settled. */
async function processSamples(code: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, ["-e", code], {
      env: { ...process.env, QUEUE: "bench-agent-cost", PREFIX: `${process.env.BATON_REDIS_PREFIX ?? "baton-bench"}-agent-cost-baseline` },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`the baseline process exited with ${code}`)));
    });
    const readyMs = performance.now() - started;
    await settle();
    samples.push({ readyMs, ...memoryOf(child.pid!) });
    child.kill("SIGTERM");
    await exited;
  }
  return samples;
}

console.log(`agent cost: ${SPAWNS} spawns each, memory read ${SETTLE_MS} ms after ready (BENCH_SPAWNS, BENCH_SETTLE_MS)`);
const agent = await agentSamples();
const worker = await processSamples(BULLMQ_WORKER);
const bare = await processSamples(BARE);

const mb = (kb: number | undefined) => (kb === undefined || Number.isNaN(kb) ? "n/a" : (kb / 1024).toFixed(1));
const column = (samples: Sample[], key: keyof Sample) => samples.map((s) => s[key]).filter((v): v is number => v !== undefined && !Number.isNaN(v));
printTable(
  ["process", "fork→ready p50 ms", "p95 ms", "RSS p50 MB", "PSS p50 MB", "USS p50 MB"],
  ([["Baton agent", agent], ["node -e ioredis + BullMQ Worker", worker], ["bare node -e", bare]] as const).map(([label, samples]) => [
    label,
    percentile(column(samples, "readyMs"), 50).toFixed(0),
    percentile(column(samples, "readyMs"), 95).toFixed(0),
    mb(percentile(column(samples, "rssKb"), 50)),
    mb(column(samples, "pssKb").length ? percentile(column(samples, "pssKb"), 50) : undefined),
    mb(column(samples, "ussKb").length ? percentile(column(samples, "ussKb"), 50) : undefined),
  ]),
);
const baseline = { label: "node -e ioredis + BullMQ Worker" };
for (const p of [50, 95]) {
  printResult({ name: `fork → ready p${p}`, value: percentile(column(agent, "readyMs"), p), unit: "ms", baseline: { ...baseline, value: percentile(column(worker, "readyMs"), p) }, goal: "none set", digits: 0 });
}
for (const key of ["rssKb", "pssKb", "ussKb"] as const) {
  if (!column(agent, key).length) continue;
  printResult({ name: `idle ${key.replace("Kb", "").toUpperCase()} p50`, value: percentile(column(agent, key), 50) / 1024, unit: "MB", baseline: { ...baseline, value: percentile(column(worker, key), 50) / 1024 }, goal: "none set" });
}
