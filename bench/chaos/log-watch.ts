// A live reader of task logs over Socket.IO, behaving like the task page (components/hooks/
// use-task-live.ts): it joins each task's room, takes live lines, and fetches what it missed
// after every (re)connect, on the server's resync and whenever a hole in the seqs stays open. The run drops and restores
// its connection on purpose; at the end every watched task must hold every stored seq.
import { io, type Socket } from "socket.io-client";
import { isRetryableRefusal, RETRY_REFUSED_CONNECTION_MS } from "../../server/contracts/realtime";
import type { ApiClient } from "./workload";

const GAP_WAIT_MS = 2000;
const CATCH_UP_RETRY_MS = 1000;

interface Watched {
  seqs: Set<number>;
  contiguous: number;
  gapTimer: NodeJS.Timeout | null;
  catchingUp: Promise<void> | null;
  /** What the reader did for this task, for a failure to name: counts and the last outcomes. */
  trail: { watchedAt: number; joins: number; refusals: string[]; catchUps: number; fetched: number; failures: string[]; live: number; firstLive: number | null };
}

export interface LogWatch {
  watch(taskId: string): void;
  /** Drops the connection now; it comes back after `downMs`. */
  drop(downMs: number): Promise<void>;
  /** Connects, disconnects, connection errors, live lines and lines fetched by catch-up. */
  stats(): string;
  /** Seqs each task is missing from 1..maxSeq (the stored maximum). */
  missing(stored: Map<string, number>): Promise<Map<string, number[]>>;
  /** What the reader did for a task: when it was watched, its joins, catch-ups and live lines. */
  trail(taskId: string): string;
  close(): void;
}

export function startLogWatch(baseUrl: string, api: ApiClient): LogWatch {
  const tasks = new Map<string, Watched>();
  let connects = 0;
  let disconnects = 0;
  let connectErrors = 0;
  let live = 0;
  let fetched = 0;
  let resyncs = 0;
  let closed = false;
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const keepLast = (list: string[], entry: string) => list.splice(0, Math.max(0, list.push(entry) - 3));
  const socket: Socket = io(baseUrl, { path: "/socket.io", transports: ["websocket"], auth: { token: api.token }, reconnectionDelay: 200, reconnectionDelayMax: 1000 });

  const add = (taskId: string, seq: number) => {
    const task = tasks.get(taskId);
    if (!task) return;
    task.seqs.add(seq);
    while (task.seqs.has(task.contiguous + 1)) task.contiguous++;
  };

  const catchUp = (taskId: string): Promise<void> => {
    const task = tasks.get(taskId)!;
    task.catchingUp ??= (async () => {
      let failed = false;
      task.trail.catchUps++;
      try {
        for (;;) {
          const page = await api.call<{ items: { seq: number }[]; hasMore: boolean }>("task.logs", { id: taskId, afterSeq: task.contiguous, limit: 5000, withData: false }, "query");
          for (const item of page.items) add(taskId, item.seq);
          fetched += page.items.length;
          task.trail.fetched += page.items.length;
          if (!page.hasMore || page.items.length === 0) break;
        }
      } catch (error) {
        // The server or its database is away for a moment; try again, as the task page does.
        failed = true;
        keepLast(task.trail.failures, `${at()}: ${(error as Error).message}`);
      } finally {
        task.catchingUp = null;
      }
      if (failed && !closed) setTimeout(() => void catchUp(taskId), CATCH_UP_RETRY_MS);
    })();
    return task.catchingUp;
  };

  const join = (taskId: string) => {
    socket.emit("subscribe", { room: `task:${taskId}` }, (reply: { ok: boolean; retryable?: boolean; error?: string }) => {
      const trail = tasks.get(taskId)?.trail;
      if (trail && reply.ok) trail.joins++;
      else if (trail) keepLast(trail.refusals, `${at()}: ${reply.error ?? "refused"}`);
      if (reply.ok) void catchUp(taskId);
      // As the page does: the server could not check access for a moment.
      else if (reply.retryable) setTimeout(() => !closed && socket.connected && join(taskId), RETRY_REFUSED_CONNECTION_MS);
    });
  };

  socket.on("connect", () => {
    connects++;
    for (const taskId of tasks.keys()) join(taskId);
  });
  socket.on("resync", () => {
    resyncs++;
    for (const taskId of tasks.keys()) void catchUp(taskId);
  });
  socket.on("disconnect", () => void disconnects++);
  socket.on("connect_error", (error) => {
    connectErrors++;
    // As the page does: a refusal because the server could not check the token is retried.
    if (!socket.active && isRetryableRefusal(error)) setTimeout(() => socket.connect(), RETRY_REFUSED_CONNECTION_MS);
  });
  socket.on("log", (event: { taskId: string; seq: number }) => {
    live++;
    add(event.taskId, event.seq);
    const task = tasks.get(event.taskId);
    if (task) {
      task.trail.live++;
      task.trail.firstLive ??= event.seq;
    }
    if (!task || task.gapTimer || Math.max(...task.seqs) <= task.contiguous) return;
    task.gapTimer = setTimeout(() => {
      task.gapTimer = null;
      void catchUp(event.taskId);
    }, GAP_WAIT_MS);
  });

  return {
    watch(taskId) {
      tasks.set(taskId, {
        seqs: new Set(),
        contiguous: 0,
        gapTimer: null,
        catchingUp: null,
        trail: { watchedAt: Date.now() - started, joins: 0, refusals: [], catchUps: 0, fetched: 0, failures: [], live: 0, firstLive: null },
      });
      if (socket.connected) join(taskId);
    },
    async drop(downMs) {
      socket.disconnect();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      socket.connect();
    },
    stats: () => `${connects} connects, ${disconnects} disconnects, ${connectErrors} connection errors, ${resyncs} resyncs, ${live} live lines, ${fetched} lines fetched by catch-up`,
    async missing(stored) {
      const result = new Map<string, number[]>();
      for (const [taskId, task] of tasks) {
        const maxSeq = stored.get(taskId) ?? 0;
        const holes: number[] = [];
        for (let seq = 1; seq <= maxSeq; seq++) if (!task.seqs.has(seq)) holes.push(seq);
        if (holes.length) result.set(taskId, holes);
      }
      return result;
    },
    trail(taskId) {
      const task = tasks.get(taskId);
      if (!task) return "not watched";
      const { trail } = task;
      const last = (label: string, list: string[]) => (list.length ? `; last ${label}: ${list.join(" | ")}` : "");
      return (
        `watched at ${(trail.watchedAt / 1000).toFixed(1)} s, ${trail.joins} joins, ${trail.catchUps} catch-ups fetching ${trail.fetched} lines` +
        `${task.catchingUp ? " (one still running)" : ""}, ${trail.live} live lines from seq ${trail.firstLive ?? "none"}` +
        last("refusals", trail.refusals) + last("failed catch-ups", trail.failures)
      );
    },
    close() {
      closed = true;
      for (const task of tasks.values()) if (task.gapTimer) clearTimeout(task.gapTimer);
      socket.close();
    },
  };
}
