// The faults a chaos run injects, each recorded with when it happened and what it hit, so the
// checks afterwards can relate re-runs, recoveries and health reports to it.
import { descendantPids, processAlive } from "../../agent/daemon/process-tree";
import type { Db } from "../../server/db/create-prisma";
import { heldSubtasks } from "./audit";
import type { LogWatch } from "./log-watch";
import type { ChaosProcesses } from "./processes";
import type { Rng } from "./rng";
import type { PrivateServices } from "./services";

export const FAULT_KINDS = ["agent-kill", "daemon-kill", "web-restart", "redis-restart", "redis-flush", "postgres-restart", "socket-drop", "redis-long-outage"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRecord {
  kind: FaultKind;
  at: number;
  /** When the service came back (restarts and outages). */
  restoredAt?: number;
  /**
   * When the service was surely down (Redis and PostgreSQL outages): from the stop command's
   * return until its start command began (it may answer before the start command returns).
   */
  surelyDown?: { from: number; until: number };
  /** Subtasks the killed process(es) held, with the attempt each was on. */
  orphans: { id: string; attempts: number }[];
  /** Agent pids of a killed daemon, checked later for survivors. */
  agentPids?: number[];
  /** Subtasks waiting for an agent when the service came back (a resume time needs some). */
  waitingWork?: number;
  note?: string;
}

export interface FaultContext {
  db: Db;
  rng: Rng;
  processes: ChaosProcesses;
  services: PrivateServices;
  logs: LogWatch;
  longOutageMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Agents of the running daemon that are working on a subtask right now (pid alive). */
async function workingAgents(db: Db): Promise<{ id: string; pid: number }[]> {
  const rows = await db.agentProcess.findMany({ where: { state: "WORKING", pid: { not: null }, currentSubtaskId: { not: null } }, select: { id: true, pid: true } });
  return rows.flatMap((row) => (row.pid && processAlive(row.pid) ? [{ id: row.id, pid: row.pid }] : []));
}

const waitingWork = (db: Db) => db.subtask.count({ where: { status: "QUEUED", task: { status: "RUNNING" } } }).catch(() => 0);


export async function injectFault(kind: FaultKind, ctx: FaultContext): Promise<FaultRecord> {
  const { processes, services, rng } = ctx;
  switch (kind) {
    case "agent-kill": {
      const working = await workingAgents(ctx.db).catch(() => []);
      const daemonPid = processes.daemon.pid();
      const candidates = working.length ? working : daemonPid ? (await descendantPids(daemonPid)).map((pid) => ({ id: "", pid })) : [];
      if (candidates.length === 0) return { kind, at: Date.now(), orphans: [], note: "no agent to kill" };
      const victim = rng.pick(candidates);
      const orphans = victim.id ? await heldSubtasks(ctx.db, [victim.id]).catch(() => []) : [];
      const at = Date.now();
      process.kill(victim.pid, "SIGKILL");
      return { kind, at, orphans };
    }
    case "daemon-kill": {
      const pid = processes.daemon.pid();
      const agentPids = pid ? await descendantPids(pid) : [];
      const agents = await ctx.db.agentProcess.findMany({ where: { pid: { in: agentPids } }, select: { id: true } }).catch(() => []);
      const orphans = await heldSubtasks(ctx.db, agents.map((a) => a.id)).catch(() => []);
      const at = Date.now();
      await processes.daemon.kill("SIGKILL");
      return { kind, at, orphans, agentPids };
    }
    case "web-restart": {
      const at = Date.now();
      await processes.web.kill(rng.next() < 0.5 ? "SIGKILL" : "SIGTERM");
      // On a loaded host a start can take a minute; the run goes on meanwhile, as users would.
      await processes.web.waitFor(/web listening/, 30_000).catch(() => {});
      return { kind, at, restoredAt: Date.now(), orphans: [] };
    }
    case "redis-restart":
    case "redis-long-outage": {
      const at = Date.now();
      await services.stopRedis();
      const stopped = Date.now();
      await sleep(kind === "redis-long-outage" ? ctx.longOutageMs : rng.int(1000, 5000));
      const starting = Date.now();
      await services.startRedis();
      const restoredAt = Date.now();
      return { kind, at, restoredAt, surelyDown: { from: stopped, until: starting }, orphans: [], waitingWork: await waitingWork(ctx.db) };
    }
    case "redis-flush": {
      const at = Date.now();
      await services.flushRedis();
      return { kind, at, restoredAt: at, orphans: [], waitingWork: await waitingWork(ctx.db) };
    }
    case "postgres-restart": {
      const at = Date.now();
      await services.stopPostgres();
      const stopped = Date.now();
      await sleep(rng.int(500, 4000));
      const starting = Date.now();
      await services.startPostgres();
      return { kind, at, restoredAt: Date.now(), surelyDown: { from: stopped, until: starting }, orphans: [] };
    }
    case "socket-drop": {
      const at = Date.now();
      await ctx.logs.drop(rng.int(500, 5000));
      return { kind, at, restoredAt: Date.now(), orphans: [] };
    }
  }
}
