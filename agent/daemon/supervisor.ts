// The fleet's init system on one host: starts and stops agent processes on request (the
// autoscaler, admins), records each in AgentProcess, watches heartbeats, samples CPU and RSS of
// each agent's whole process tree, kills an agent that breaks its memory or time limit, restarts
// crashed agents with backoff and stops them gracefully (SIGKILL after a deadline).
import { LEFT_BY_ITS_DAEMON, LIVE_AGENT_STATES } from "../../server/contracts/agent-state";
import { fork, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import pidusage from "pidusage";
import { ZAgentToDaemonSchema } from "../../server/contracts/ipc";
import type { AgentUpdateMessage } from "../../server/contracts/realtime";
import type { Db, Sql } from "../../server/db/create-prisma";
import type { RealtimePublisher } from "../../server/realtime/publisher";
import type { AgentSamples } from "../../server/services/agents/agent-samples";
import { killTree, sampleTree } from "./process-tree";
import { limitBreach } from "./resource-limits";
import { restartDelayMs } from "./restart-delay";
import type { AgentEntry } from "./bundle-agent";

export interface SupervisedProfile {
  id: string;
  name: string;
  memoryLimitMb: number;
  timeoutSeconds: number;
}

/** Why an agent was taken down by the daemon while it may have held a subtask. */
export interface Takedown {
  agentId: string;
  profile: SupervisedProfile;
  subtaskId: string | null;
  reason: string;
  /** A limit breach uses up the attempt; an admin's "stop now" does not. */
  countAttempt: boolean;
  /** The agent died on its own (a crash or an outside kill), not by the daemon's hand. */
  crashed?: boolean;
}

export interface SupervisorOptions {
  db: Db;
  sql: Sql;
  publisher: RealtimePublisher;
  /** Where each CPU and RSS sample goes, for the agents page's sparklines. */
  samples: Pick<AgentSamples, "record">;
  host: string;
  /** The agent process's module and Node options (see bundle-agent.ts). */
  worker: AgentEntry;
  childEnv: NodeJS.ProcessEnv;
  heartbeatTimeoutMs: number;
  stopTimeoutMs: number;
  /** Called once the taken-down agent has exited, so its subtask can go back to the queue. */
  onTakedown(takedown: Takedown): Promise<void>;
}

type SlotState = AgentUpdateMessage["state"];

const STARTUP_TIMEOUT_MS = 90_000;
/**
 * How long a state change waits before it is written to AgentProcess, so that the four or five
 * changes of one job (CLAIMED … IDLE, tens of milliseconds apart) become one write. The change is
 * published at once; the row only has to be right for readers that come later.
 */
const STATE_WRITE_DELAY_MS = 100;

export interface AgentSlotView {
  agentId: string;
  profile: SupervisedProfile;
  state: SlotState;
  stateChangedAt: number;
  subtaskId: string | null;
  pid: number | null;
  retiring: boolean;
}

interface Slot {
  key: string;
  profile: SupervisedProfile;
  child?: ChildProcess;
  agentId?: string;
  state: SlotState;
  /** When `state` began (epoch ms): the agent's own clock for states it reports. */
  stateChangedAt: number;
  subtaskId: string | null;
  /** When the agent took its current subtask, for the time limit. */
  subtaskSince: number | null;
  lastHeartbeat: number;
  restarts: number;
  failuresInARow: number;
  startedAt: number;
  retiring: boolean;
  restartTimer?: NodeJS.Timeout;
  usage: { cpu: number; rss: number } | null;
  exitReason?: string;
  /** Why this slot's previous process ended, recorded on the process that replaces it. */
  previousExitReason?: string;
  takedown?: Omit<Takedown, "agentId" | "profile" | "subtaskId" | "crashed">;
  /** Resolves when the current process's exit has been recorded. */
  settled?: Promise<void>;
  /** The state write in flight, and whether the state changed since it was sent (see persist). */
  stateWrite?: Promise<void>;
  stateDirty?: boolean;
  markSettled?: () => void;
}

export class AgentSupervisor {
  private slots = new Map<string, Slot>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Marks agents a previous daemon on this host left behind; the autoscaler then starts the fleet. */
  async start(): Promise<void> {
    await this.options.db.agentProcess.updateMany({
      where: { host: this.options.host, state: { in: [...LIVE_AGENT_STATES] } },
      data: { state: "EXITED", exitReason: LEFT_BY_ITS_DAEMON, endedAt: new Date() },
    });
  }

  /** This daemon's agents, including those starting, restarting after a crash or being stopped. */
  agents(): AgentSlotView[] {
    return [...this.slots.values()].flatMap((slot) =>
      slot.agentId
        ? [{ agentId: slot.agentId, profile: slot.profile, state: slot.state, stateChangedAt: slot.stateChangedAt, subtaskId: slot.subtaskId, pid: slot.child?.pid ?? null, retiring: slot.retiring }]
        : [],
    );
  }

  /** Profile limits change while agents run; the autoscaler hands over the current ones. */
  updateProfiles(profiles: SupervisedProfile[]): void {
    const byId = new Map(profiles.map((p) => [p.id, p]));
    for (const slot of this.slots.values()) slot.profile = byId.get(slot.profile.id) ?? slot.profile;
  }

  /** Starts one more agent of `profile`; resolves with its id once it is recorded and forked. */
  async startAgent(profile: SupervisedProfile): Promise<string> {
    if (this.stopping) throw new Error("the agent daemon is stopping");
    let n = 1;
    while (this.slots.has(`${profile.name}-${n}`)) n++;
    const slot: Slot = { key: `${profile.name}-${n}`, profile, state: "INITIALIZING", stateChangedAt: Date.now(), subtaskId: null, subtaskSince: null, lastHeartbeat: Date.now(), restarts: 0, failuresInARow: 0, startedAt: 0, retiring: false, usage: null };
    this.slots.set(slot.key, slot);
    await this.spawn(slot);
    return slot.agentId!;
  }

  /**
   * Graceful: the agent finishes the subtask it holds, then exits. Now: the agent and its
   * children are killed and the subtask goes back to the queue without using up an attempt.
   */
  async stopAgent(agentId: string, mode: "graceful" | "now", reason: string): Promise<void> {
    const slot = this.find(agentId);
    if (!slot) return;
    if (mode === "graceful") {
      // Long enough to finish the subtask in hand: its own time limit, plus the usual stop deadline.
      const deadline = slot.subtaskId ? slot.profile.timeoutSeconds * 1000 + this.options.stopTimeoutMs : this.options.stopTimeoutMs;
      return this.retire(slot, reason, deadline);
    }
    slot.retiring = true;
    clearTimeout(slot.restartTimer);
    if (!slot.child) {
      // Between a crash and its restart: nothing runs, so there is nothing to hand back.
      this.slots.delete(slot.key);
      return;
    }
    slot.exitReason = reason;
    slot.takedown = { reason, countAttempt: false };
    this.moveTo(slot, "TERMINATING");
    await this.killSlot(slot);
  }

  /** A fresh process of the same profile takes over; the old one finishes its subtask and exits. */
  async restartAgent(agentId: string, reason: string): Promise<string | null> {
    const slot = this.find(agentId);
    if (!slot) return null;
    const replacement = await this.startAgent(slot.profile);
    void this.stopAgent(agentId, "graceful", reason);
    return replacement;
  }

  private find(agentId: string): Slot | undefined {
    return [...this.slots.values()].find((slot) => slot.agentId === agentId);
  }

  private async spawn(slot: Slot): Promise<void> {
    const row = await this.options.db.agentProcess.create({
      data: { host: this.options.host, profileId: slot.profile.id, state: "INITIALIZING", restarts: slot.restarts, previousExitReason: slot.previousExitReason ?? null },
    });
    const child = fork(this.options.worker.file, [], {
      execArgv: this.options.worker.execArgv,
      env: { ...this.options.childEnv, BATON_AGENT_ID: row.id, BATON_PROFILE: slot.profile.name },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    Object.assign(slot, { child, agentId: row.id, state: "INITIALIZING", stateChangedAt: Date.now(), subtaskId: null, subtaskSince: null, lastHeartbeat: Date.now(), startedAt: Date.now(), usage: null, takedown: undefined });
    slot.settled = new Promise((resolve) => (slot.markSettled = resolve));
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) readline.createInterface({ input: stream }).on("line", (line) => console.log(`[${slot.key} ${child.pid}] ${line}`));
    }
    child.on("message", (raw) => this.onMessage(slot, child, raw));
    // An agent can exit between our check and a send (for example on a terminal's Ctrl-C);
    // the exit handler records that, so a failed IPC write needs no handling of its own.
    child.on("error", (error) => console.error(`[${slot.key}] ${error.message}`));
    child.on("exit", (code, signal) => void this.onExit(slot, child, row.id, code, signal));
    await this.options.db.agentProcess.update({ where: { id: row.id }, data: { pid: child.pid ?? null } });
    this.publish(slot);
  }

  private onMessage(slot: Slot, child: ChildProcess, raw: unknown): void {
    if (slot.child !== child) return;
    const message = ZAgentToDaemonSchema.safeParse(raw);
    if (!message.success) return;
    slot.lastHeartbeat = Date.now();
    const next = message.data.type === "ready" ? "IDLE" : message.data.state;
    const subtaskId = message.data.type === "heartbeat" ? message.data.subtaskId : null;
    if (next !== slot.state || subtaskId !== slot.subtaskId) {
      const state = slot.retiring ? "TERMINATING" : next;
      const since = message.data.type === "heartbeat" ? (message.data.stateChangedAt ?? Date.now()) : Date.now();
      if (state !== slot.state) slot.stateChangedAt = since;
      if (subtaskId !== slot.subtaskId) slot.subtaskSince = subtaskId ? Math.min(since, Date.now()) : null;
      slot.state = state;
      slot.subtaskId = subtaskId;
      void this.persist(slot);
    }
  }

  private async onExit(slot: Slot, child: ChildProcess, agentId: string, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (slot.child !== child) return;
    const expected = slot.retiring || this.stopping;
    const crashed = !expected && (code !== 0 || signal !== null);
    const reason = slot.exitReason ?? (expected ? "stopped" : signal ? `killed by ${signal}` : `exited with code ${code}`);
    const heldSubtask = slot.subtaskId;
    slot.child = undefined;
    slot.state = crashed ? "CRASHED" : "EXITED";
    slot.stateChangedAt = Date.now();
    // A crash (kill -9, out of memory) hands its subtask back at once, as a takedown does, rather
    // than leaving it to BullMQ's stall detection, which waits for the dead agent's lock to expire.
    const takedown = slot.takedown ?? (crashed && heldSubtask ? { reason: `its agent was ${reason}`, countAttempt: true, crashed: true } : undefined);
    if (takedown) {
      // Only now, with the process gone, can nobody else write a result for its attempt. Before
      // the row says the process ended: the reconciler requeues the subtasks of ended agents
      // itself (counting the attempt), and must not get to this one first.
      await this.options.onTakedown({ agentId, profile: slot.profile, subtaskId: heldSubtask, ...takedown }).catch((error) => console.error(`[${slot.key}] hand-back failed:`, error));
      slot.takedown = undefined;
    }
    await this.options.db.agentProcess
      .update({ where: { id: agentId }, data: { state: slot.state, stateChangedAt: new Date(slot.stateChangedAt), exitCode: code, exitSignal: signal, exitReason: reason, endedAt: new Date(), currentSubtaskId: null } })
      .catch(() => {});
    this.publish(slot);
    slot.subtaskId = null;
    slot.markSettled?.();
    if (expected) {
      this.slots.delete(slot.key);
      return;
    }
    slot.previousExitReason = reason;
    slot.exitReason = undefined;
    slot.failuresInARow = Date.now() - slot.startedAt > 60_000 ? 1 : slot.failuresInARow + 1;
    slot.restarts++;
    const delay = restartDelayMs(slot.failuresInARow);
    console.log(`[${slot.key}] ${reason}; restarting in ${delay} ms`);
    this.scheduleRestart(slot, delay);
  }

  /**
   * Starts the slot's next process after `delay`. A start that fails before the fork (PostgreSQL
   * away, so its row cannot be created) is tried again with the restart backoff, or the slot would
   * stay empty for good.
   */
  private scheduleRestart(slot: Slot, delay: number): void {
    slot.restartTimer = setTimeout(() => {
      this.spawn(slot).catch((error: unknown) => {
        if (slot.child || slot.retiring || this.stopping) {
          console.error(`[${slot.key}] restart failed:`, error);
          return;
        }
        const next = restartDelayMs(++slot.failuresInARow);
        console.error(`[${slot.key}] restart failed; trying again in ${next} ms:`, error instanceof Error ? error.message : error);
        this.scheduleRestart(slot, next);
      });
    }, delay);
  }

  /** Samples CPU and RSS of each agent's tree, kills agents that stopped beating or broke a limit, and records it all. */
  async monitor(): Promise<void> {
    const now = Date.now();
    for (const slot of this.slots.values()) {
      const pid = slot.child?.pid;
      if (!pid || !slot.agentId || slot.takedown) continue;
      // Loading an agent (tsx, Prisma, the SDK) on a busy host can take far longer than a heartbeat.
      const silenceLimit = slot.state === "INITIALIZING" ? Math.max(STARTUP_TIMEOUT_MS, this.options.heartbeatTimeoutMs) : this.options.heartbeatTimeoutMs;
      if (now - slot.lastHeartbeat > silenceLimit) {
        slot.exitReason = `killed: no heartbeat for ${Math.round((now - slot.lastHeartbeat) / 1000)} s`;
        slot.takedown = { reason: slot.exitReason, countAttempt: true };
        await this.killSlot(slot);
        continue;
      }
      const usage = await sampleTree(pid);
      slot.usage = usage ? { cpu: usage.cpu, rss: usage.rssBytes } : null;
      if (usage) void this.options.samples.record(slot.agentId, { at: now, cpuPercent: usage.cpu, rssBytes: usage.rssBytes }).catch(() => {});
      const breach = usage
        ? limitBreach({ rssBytes: usage.rssBytes, memoryLimitMb: slot.profile.memoryLimitMb, subtaskSince: slot.subtaskSince, timeoutSeconds: slot.profile.timeoutSeconds, now })
        : null;
      if (breach) {
        console.log(`[${slot.key}] ${breach}`);
        slot.exitReason = breach;
        slot.takedown = { reason: breach, countAttempt: true };
        await this.killSlot(slot);
        continue;
      }
      void this.persist(slot);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const exits = [...this.slots.values()].map((slot) => this.retire(slot, "the agent daemon is stopping", this.options.stopTimeoutMs));
    await Promise.all(exits);
    pidusage.clear();
  }

  private async killSlot(slot: Slot): Promise<void> {
    const pid = slot.child?.pid;
    if (pid) await killTree(pid);
    await slot.settled;
  }

  private moveTo(slot: Slot, state: SlotState): void {
    if (slot.state !== state) slot.stateChangedAt = Date.now();
    slot.state = state;
    void this.persist(slot);
  }

  private retire(slot: Slot, reason: string, deadlineMs: number): Promise<void> {
    clearTimeout(slot.restartTimer);
    slot.retiring = true;
    const child = slot.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.slots.delete(slot.key);
      return Promise.resolve();
    }
    slot.exitReason = reason;
    this.moveTo(slot, "TERMINATING");
    const kill = setTimeout(() => {
      // Past the deadline the subtask in hand goes back to the queue; the stop was ours, not the subtask's fault.
      slot.takedown = { reason: `${reason}; it did not finish within ${Math.round(deadlineMs / 1000)} s`, countAttempt: false };
      void killTree(child.pid!);
    }, deadlineMs);
    if (child.connected) child.send({ type: "shutdown", reason }, (error) => error && child.kill("SIGTERM"));
    else child.kill("SIGTERM");
    return (slot.settled ?? Promise.resolve()).finally(() => clearTimeout(kill));
  }

  /**
   * Publishes the slot's state at once and records it in AgentProcess shortly after. An agent
   * changes state a few times per job: one write is pending per slot, it carries the latest state
   * when it runs (STATE_WRITE_DELAY_MS after the first change), and changes that arrive while it
   * is in flight are folded into one more write, so the row ends right and writes never land out
   * of order. A process already recorded as ended stays ended.
   */
  private persist(slot: Slot): Promise<void> {
    this.publish(slot);
    if (!slot.agentId) return Promise.resolve();
    slot.stateDirty = true;
    return (slot.stateWrite ??= this.writeStates(slot));
  }

  private async writeStates(slot: Slot): Promise<void> {
    try {
      // Each write reads the slot afresh: after a restart it goes to the new process's row.
      while (slot.stateDirty && slot.agentId) {
        await sleep(STATE_WRITE_DELAY_MS);
        if (!slot.agentId) break;
        slot.stateDirty = false;
        const usage = slot.usage;
        await this.options.sql.execute`
          UPDATE "AgentProcess" SET state = ${slot.state}::"AgentState", "stateChangedAt" = ${new Date(slot.stateChangedAt)},
            "currentSubtaskId" = ${slot.subtaskId}, "lastHeartbeatAt" = ${new Date(slot.lastHeartbeat)},
            "cpuPercent" = COALESCE(${usage?.cpu ?? null}::float8, "cpuPercent"),
            "rssBytes" = COALESCE(${usage ? BigInt(Math.round(usage.rss)) : null}::bigint, "rssBytes")
          WHERE id = ${slot.agentId} AND "endedAt" IS NULL`.catch(() => {});
      }
    } finally {
      slot.stateWrite = undefined;
    }
  }

  private publish(slot: Slot): void {
    if (!slot.agentId) return;
    this.options.publisher.agentUpdate({
      agentId: slot.agentId,
      profile: slot.profile.name,
      state: slot.state,
      stateChangedAt: new Date(slot.stateChangedAt).toISOString(),
      pid: slot.child?.pid ?? null,
      currentSubtaskId: slot.subtaskId,
      cpuPercent: slot.usage?.cpu ?? null,
      rssBytes: slot.usage?.rss ?? null,
      lastHeartbeatAt: new Date(slot.lastHeartbeat).toISOString(),
    });
  }
}
