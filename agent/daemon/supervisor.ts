// The fleet's init system on one host: keeps the configured number of agent processes per
// profile running, records each in AgentProcess, watches heartbeats, CPU and RSS, restarts
// crashed agents with backoff and stops them gracefully (SIGKILL after a deadline).
import { LIVE_AGENT_STATES } from "../../server/contracts/agent-state";
import { fork, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import pidusage from "pidusage";
import { ZAgentToDaemonSchema } from "../../server/contracts/ipc";
import type { AgentUpdateMessage } from "../../server/contracts/realtime";
import type { Db } from "../../server/db/create-prisma";
import type { RealtimePublisher } from "../../server/realtime/publisher";
import { allocateAgents } from "./allocate-agents";
import { restartDelayMs } from "./restart-delay";

export interface SupervisorOptions {
  db: Db;
  publisher: RealtimePublisher;
  host: string;
  maxAgents: number;
  workerEntry: string;
  childEnv: NodeJS.ProcessEnv;
  heartbeatTimeoutMs: number;
  stopTimeoutMs: number;
}

type SlotState = AgentUpdateMessage["state"];

interface Slot {
  key: string;
  profile: { id: string; name: string };
  child?: ChildProcess;
  agentId?: string;
  state: SlotState;
  /** When `state` began (epoch ms): the agent's own clock for states it reports. */
  stateChangedAt: number;
  subtaskId: string | null;
  lastHeartbeat: number;
  restarts: number;
  failuresInARow: number;
  startedAt: number;
  retiring: boolean;
  restartTimer?: NodeJS.Timeout;
  usage: { cpu: number; rss: number } | null;
  exitReason?: string;
  /** Resolves when the current process's exit has been recorded. */
  settled?: Promise<void>;
  markSettled?: () => void;
}

export class AgentSupervisor {
  private slots = new Map<string, Slot>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Marks agents a previous daemon on this host left behind, then starts the fleet. */
  async start(): Promise<void> {
    await this.options.db.agentProcess.updateMany({
      where: { host: this.options.host, state: { in: [...LIVE_AGENT_STATES] } },
      data: { state: "EXITED", exitReason: "the agent daemon restarted", endedAt: new Date() },
    });
    await this.sync();
  }

  /** Starts or retires agents so each profile runs its desired count, within the host's cap. */
  async sync(): Promise<void> {
    if (this.stopping) return;
    const profiles = await this.options.db.agentProfile.findMany({ select: { id: true, name: true, minAgents: true }, orderBy: { createdAt: "asc" } });
    const wanted = new Set<string>();
    for (const { profile, count } of allocateAgents(profiles, this.options.maxAgents)) {
      for (let n = 1; n <= count; n++) {
        const key = `${profile.name}-${n}`;
        wanted.add(key);
        if (!this.slots.has(key)) {
          const slot: Slot = { key, profile, state: "INITIALIZING", stateChangedAt: Date.now(), subtaskId: null, lastHeartbeat: Date.now(), restarts: 0, failuresInARow: 0, startedAt: 0, retiring: false, usage: null };
          this.slots.set(key, slot);
          await this.spawn(slot);
        }
      }
    }
    for (const slot of this.slots.values()) if (!wanted.has(slot.key)) this.retire(slot, "scaled down");
  }

  private async spawn(slot: Slot): Promise<void> {
    const row = await this.options.db.agentProcess.create({
      data: { host: this.options.host, profileId: slot.profile.id, state: "INITIALIZING", restarts: slot.restarts },
    });
    const child = fork(this.options.workerEntry, [], {
      execArgv: ["--import", "tsx"],
      env: { ...this.options.childEnv, BATON_AGENT_ID: row.id, BATON_PROFILE: slot.profile.name },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    Object.assign(slot, { child, agentId: row.id, state: "INITIALIZING", stateChangedAt: Date.now(), subtaskId: null, lastHeartbeat: Date.now(), startedAt: Date.now(), usage: null });
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
      if (state !== slot.state) slot.stateChangedAt = message.data.type === "heartbeat" ? (message.data.stateChangedAt ?? Date.now()) : Date.now();
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
    slot.child = undefined;
    slot.state = crashed ? "CRASHED" : "EXITED";
    slot.stateChangedAt = Date.now();
    await this.options.db.agentProcess
      .update({ where: { id: agentId }, data: { state: slot.state, stateChangedAt: new Date(slot.stateChangedAt), exitCode: code, exitSignal: signal, exitReason: reason, endedAt: new Date(), currentSubtaskId: null } })
      .catch(() => {});
    this.publish(slot);
    slot.markSettled?.();
    if (expected) {
      this.slots.delete(slot.key);
      return;
    }
    slot.exitReason = undefined;
    slot.failuresInARow = Date.now() - slot.startedAt > 60_000 ? 1 : slot.failuresInARow + 1;
    slot.restarts++;
    const delay = restartDelayMs(slot.failuresInARow);
    console.log(`[${slot.key}] ${reason}; restarting in ${delay} ms`);
    slot.restartTimer = setTimeout(() => void this.spawn(slot).catch((error) => console.error(`[${slot.key}] restart failed:`, error)), delay);
  }

  /** Samples CPU and RSS, kills agents whose heartbeat stopped, and records it all. */
  async monitor(): Promise<void> {
    const now = Date.now();
    for (const slot of this.slots.values()) {
      const pid = slot.child?.pid;
      if (!pid || !slot.agentId) continue;
      if (now - slot.lastHeartbeat > this.options.heartbeatTimeoutMs) {
        slot.exitReason = `no heartbeat for ${Math.round((now - slot.lastHeartbeat) / 1000)} s`;
        slot.child?.kill("SIGKILL");
        continue;
      }
      slot.usage = await pidusage(pid).then((u) => ({ cpu: u.cpu, rss: u.memory }), () => null);
      await this.persist(slot);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const exits = [...this.slots.values()].map((slot) => this.retire(slot, "the agent daemon is stopping"));
    await Promise.all(exits);
    pidusage.clear();
  }

  private retire(slot: Slot, reason: string): Promise<void> {
    clearTimeout(slot.restartTimer);
    slot.retiring = true;
    const child = slot.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.slots.delete(slot.key);
      return Promise.resolve();
    }
    if (slot.state !== "TERMINATING") slot.stateChangedAt = Date.now();
    slot.state = "TERMINATING";
    slot.exitReason = reason;
    void this.persist(slot);
    const kill = setTimeout(() => child.kill("SIGKILL"), this.options.stopTimeoutMs);
    if (child.connected) child.send({ type: "shutdown", reason }, (error) => error && child.kill("SIGTERM"));
    else child.kill("SIGTERM");
    return (slot.settled ?? Promise.resolve()).finally(() => clearTimeout(kill));
  }

  private async persist(slot: Slot): Promise<void> {
    if (!slot.agentId) return;
    await this.options.db.agentProcess
      .update({
        where: { id: slot.agentId },
        data: {
          state: slot.state,
          stateChangedAt: new Date(slot.stateChangedAt),
          currentSubtaskId: slot.subtaskId,
          lastHeartbeatAt: new Date(slot.lastHeartbeat),
          ...(slot.usage ? { cpuPercent: slot.usage.cpu, rssBytes: BigInt(Math.round(slot.usage.rss)) } : {}),
        },
      })
      .catch(() => {});
    this.publish(slot);
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
