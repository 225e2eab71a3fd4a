// `npm run chaos`: runs a stream of tasks through the real web server, agent daemon and agent
// processes on a private Redis and PostgreSQL while injecting faults at seeded random moments
// (kill -9 of agents and of the daemon, web restarts, Redis restarts, FLUSHALL and one long
// outage, PostgreSQL restarts, dropped sockets), then checks that nothing was lost or done twice
// and prints a summary. Exit code 1 when an invariant breaks. Started by bin/chaos.
import fs from "node:fs";
import os from "node:os";
import { createPrisma } from "../server/db/create-prisma";
import { isAgentCommandLine } from "../agent/daemon/bundle-agent";
import { processAlive } from "../agent/daemon/process-tree";
import { installAudit, logSeqGaps, subtaskEvents } from "./chaos/audit";
import { healthDuringOutages, percentile, redisRecoveries, rerunLatencies, runCounts, type RerunLatencies } from "./chaos/checks";
import { FAULT_KINDS, injectFault, type FaultKind, type FaultRecord } from "./chaos/faults";
import { startHealthProbe } from "./chaos/health-probe";
import { startLogWatch } from "./chaos/log-watch";
import { parseChaosOptions } from "./chaos/options";
import { chaosProcesses } from "./chaos/processes";
import { createRng } from "./chaos/rng";
import { faultSchedule } from "./chaos/schedule";
import { privateServices } from "./chaos/services";
import { createApiClient, startWorkload } from "./chaos/workload";

const FINAL = ["SUCCEEDED", "FAILED", "CANCELLED"];
/** The mean gap between a full run's faults once its duration is spent. */
const OVERTIME_GAP_MS = 3000;
const started = Date.now();
const options = parseChaosOptions(process.argv.slice(2), process.env);
const rng = createRng(options.seed);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`chaos [${elapsed()}] ${line}`);
say(`seed ${options.seed} (replay: npm run chaos -- ${options.replayArgs.join(" ")}), ${options.faults} faults over ${options.durationMs / 1000} s`);

const db = createPrisma(options.databaseUrl, { max: 3 });
await installAudit(db);
const services = privateServices(options);
const processes = chaosProcesses(options, {});
const baseUrl = `http://127.0.0.1:${options.ports.web}`;
const all = [processes.sim, processes.daemon, processes.web];

let cleaningUp = false;
async function killEverything() {
  if (cleaningUp) return;
  cleaningUp = true;
  await Promise.all(all.map((p) => p.stop("SIGKILL")));
}
process.on("SIGINT", () => void killEverything().finally(() => process.exit(130)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await sleep(250);
  }
  say(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
  return false;
}

for (const p of all) p.start();
await processes.web.waitFor(/web listening/, 90_000);
await until("the fleet", async () => (await db.agentProcess.count({ where: { state: "IDLE", endedAt: null } })) >= 4, 90_000);
say("web, daemon and 4 agents are up");

const api = await createApiClient(db, baseUrl);
const logs = startLogWatch(baseUrl, api);
const health = startHealthProbe(baseUrl);
const workload = startWorkload({ db, api, rng, inFlight: options.inFlight, onTask: (id) => logs.watch(id) });

const faults: FaultRecord[] = [];
const orphanSurvivors: number[] = [];
const schedule = faultSchedule(options, rng);
const faultsStart = Date.now();
for (const [i, kind] of schedule.entries()) {
  const left = options.durationMs - (Date.now() - faultsStart);
  // The short run is bounded in time (the test command runs it): on a slow host fewer faults fit,
  // the long outage never the one left out. A full run injects every fault it planned, a few
  // seconds apart once its duration is spent: the faults themselves take time (restarts, the
  // long outage), more on a slow host.
  if (left <= 0 && options.short) {
    if (!schedule.slice(i).includes("redis-long-outage")) break;
    if (kind !== "redis-long-outage") continue;
  }
  const average = left > 0 ? left / (schedule.length - i) : OVERTIME_GAP_MS;
  await sleep(average * (0.3 + 1.4 * rng.next()));
  const fault = await injectFault(kind, { db, rng, processes, services, logs, longOutageMs: options.longOutageMs }).catch((error: Error) => {
    say(`fault ${kind} could not be injected: ${error.message}`);
    return null;
  });
  if (!fault) continue;
  faults.push(fault);
  if (fault.agentPids?.length) {
    // Agents of a killed daemon must be gone soon after it (they exit when their IPC channel closes).
    const pids = fault.agentPids;
    setTimeout(() => orphanSurvivors.push(...pids.filter((pid) => processAlive(pid))), 15_000);
  }
  if (kind === "redis-long-outage" || (i + 1) % 20 === 0) say(`${i + 1}/${schedule.length} faults (last: ${kind}${fault.note ? `, ${fault.note}` : ""})`);
}
const lastFaultAt = Date.now();
await workload.stop();
say(`faults done (${faults.length} of ${schedule.length} planned); ${workload.submitted.length} tasks submitted; waiting up to ${options.settleMs / 1000} s for every task to end`);

await until(
  "every task to end",
  async () => (await db.task.count({ where: { status: { notIn: FINAL as never } } })) === 0,
  options.settleMs,
);
const settleMs = Date.now() - lastFaultAt;
// The reader gets the last lines by itself: live, or by its catch-up after a reconnect, a resync
// or a hole. A web server still starting after the last restart delays that; a line that was
// lost for good never arrives, and the check below reports it.
const storedSeqs = async () => new Map((await db.task.findMany({ select: { id: true, logCounter: { select: { seq: true } } } })).map((t) => [t.id, t.logCounter?.seq ?? 0]));
const readerWait = Date.now();
if (await until("the socket reader to hold every stored line", async () => (await logs.missing(await storedSeqs())).size === 0, 60_000)) say(`the socket reader held every stored line ${((Date.now() - readerWait) / 1000).toFixed(1)} s after every task ended`);
health.stop();

// Read everything before stopping the fleet.
const tasks = await db.task.findMany({ select: { id: true, status: true, statusReason: true } });
const events = await subtaskEvents(db);
const gaps = await logSeqGaps(db);
const missingLines = await logs.missing(await storedSeqs());
const agentPids = (await db.agentProcess.findMany({ where: { pid: { not: null } }, select: { pid: true } })).map((a) => a.pid!);
logs.close();

await processes.daemon.stop("SIGTERM");
await sleep(2000);
const leftAfterStop = agentPids.filter((pid) => processAlive(pid) && isAgentProcess(pid));
// An agent still loading when its daemon died notices once loaded (up to a minute on a busy
// host): slow, but gone; one still alive now has outlived its daemon for good.
const slowExits = orphanSurvivors.filter((pid) => !processAlive(pid) || !isAgentProcess(pid));
const orphans = orphanSurvivors.filter((pid) => !slowExits.includes(pid));
await killEverything();
for (const pid of [...leftAfterStop, ...orphans]) process.kill(pid, "SIGKILL");

function isAgentProcess(pid: number): boolean {
  try {
    return isAgentCommandLine(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

// ---- summary
const failures: string[] = [];
const byKind = new Map<FaultKind, number>(FAULT_KINDS.map((k) => [k, 0]));
for (const f of faults) byKind.set(f.kind, byKind.get(f.kind)! + 1);
const byState = new Map<string, number>();
for (const t of tasks) byState.set(t.status, (byState.get(t.status) ?? 0) + 1);
const unfinished = tasks.filter((t) => !FINAL.includes(t.status));
const unexplained = tasks.filter((t) => t.status === "FAILED" && !t.statusReason);
const { extraRuns, duplicateResults } = runCounts(events);
const agentReruns = rerunLatencies(faults, ["agent-kill"], events);
const daemonReruns = rerunLatencies(faults, ["daemon-kill"], events);
const recoveries = redisRecoveries(faults, events);
const outages = healthDuringOutages(faults, health.observations);
const ms = (v: number) => (Number.isNaN(v) ? "n/a" : `${(v / 1000).toFixed(1)} s`);

console.log("\n=== chaos summary ===");
console.log(`seed ${options.seed}; ${options.short ? "short" : "full"} run; wall time ${elapsed()}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`faults: ${faults.length} — ${[...byKind].filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(", ")}`);
console.log(`tasks: ${workload.submitted.length} submitted through the API (${workload.refused} submissions refused or unanswered, retried), ${tasks.length} in the database — ${[...byState].map(([s, n]) => `${s} ${n}`).join(", ")}`);
for (const t of tasks.filter((t) => t.status === "FAILED").slice(0, 5)) console.log(`  failed ${t.id}: ${t.statusReason}`);
console.log(`settled ${ms(settleMs)} after the last fault (bound ${ms(options.settleMs)})`);
console.log(`extra subtask runs: ${extraRuns} for ${faults.length} faults (${(extraRuns / Math.max(1, faults.length)).toFixed(2)} per fault; at most 1)`);
console.log(`duplicate results: ${duplicateResults.length}`);
const rerunLine = (victim: string, reruns: RerunLatencies) =>
  `orphan re-run after ${victim} kill -9: ${reruns.latenciesMs.length} subtasks, p50 ${ms(percentile(reruns.latenciesMs, 50))}, p95 ${ms(percentile(reruns.latenciesMs, 95))} (goal ≤ 15 s), ` +
  `max ${ms(percentile(reruns.latenciesMs, 100))}; ${reruns.finishedByItsRun} finished by the run that held it, ${reruns.notRerun} not re-run (their task ended first)`;
console.log(rerunLine("agent", agentReruns));
console.log(rerunLine("daemon", daemonReruns));
for (const r of recoveries) {
  const resume = r.resumeMs === null ? "never" : `after ${ms(r.resumeMs)}`;
  console.log(`redis ${r.kind}: down ${ms(r.downMs)}, ${r.waitingWork} subtasks waiting, agents claimed work again ${resume}${r.waitingWork ? " (goal ≤ 10 s)" : ""}`);
}
const outageLine = (kind: FaultKind) => {
  const list = outages.filter((o) => o.kind === kind);
  const seen = list.filter((o) => o.observed > 0);
  return `${kind}: ${list.length} outages, ${seen.length} long enough to observe, ${seen.filter((o) => o.red === o.observed).length} red throughout, ${seen.filter((o) => o.red === 0).length} never red`;
};
console.log(`health during outages — ${outageLine("redis-restart")}; ${outageLine("redis-long-outage")}; ${outageLine("postgres-restart")}`);
const fleetRed = health.observations.filter((o) => o.down.includes("fleet")).length;
console.log(`health observations: ${health.observations.length}, ok ${health.observations.filter((o) => o.status === 200).length}, red ${health.observations.filter((o) => o.status === 503).length} (fleet named ${fleetRed}), unanswered ${health.observations.filter((o) => o.status === null).length}`);
console.log(`socket: ${logs.stats()}; tasks with missing live lines ${missingLines.size}`);
console.log(`orphan agent processes: ${orphans.length} outlived their killed daemon (${slowExits.length} more took over 15 s to exit), ${leftAfterStop.length} alive after the daemon stopped`);

if (unfinished.length) failures.push(`${unfinished.length} tasks did not end within ${ms(options.settleMs)} after the last fault: ${unfinished.slice(0, 5).map((t) => `${t.id} ${t.status}`).join(", ")}`);
if (unexplained.length) failures.push(`${unexplained.length} tasks FAILED without a reason`);
if (duplicateResults.length) failures.push(`subtasks with a result recorded twice: ${duplicateResults.slice(0, 5).join(", ")}`);
if (extraRuns > faults.length) failures.push(`${extraRuns} extra subtask runs for ${faults.length} faults`);
if (!options.short && faults.length < schedule.length) failures.push(`${faults.length} of ${schedule.length} planned faults injected`);
if (gaps.length) failures.push(`log seq gaps in ${gaps.length} tasks: ${gaps.slice(0, 3).map((g) => `${g.taskId} rows ${g.rows} max ${g.maxSeq} counter ${g.logSeq}`).join("; ")}`);
if (missingLines.size) failures.push(`the socket reader missed lines of ${missingLines.size} tasks: ${[...missingLines].slice(0, 3).map(([id, seqs]) => `${id} seqs ${seqs.slice(0, 8).join(",")} (${logs.trail(id)})`).join("; ")}`);
if (orphans.length || leftAfterStop.length) failures.push(`orphan agent processes: ${[...orphans, ...leftAfterStop].join(", ")}`);
const blindOutages = outages.filter((o) => o.observed > 0 && o.red === 0);
if (blindOutages.length) failures.push(`/api/health stayed green through ${blindOutages.length} outages (${blindOutages.map((o) => o.kind).join(", ")})`);

await db.$disconnect();
if (failures.length) {
  console.log(`\nCHAOS FAILED (seed ${options.seed}):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  console.log(`\n--- daemon output (tail) ---\n${processes.daemon.tail()}\n--- web output (tail) ---\n${processes.web.tail()}`);
  process.exit(1);
}
console.log("\nall invariants held");
process.exit(0);
