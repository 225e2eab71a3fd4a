// Buffers an agent's log events and writes them in batches (one transaction per task per flush),
// then publishes them live. Consecutive text deltas of one subtask become one line per flush, so
// streaming stays live without a row per token.
import { appendLogs, type NewLogEvent } from "../../server/services/logs/append-logs";
import type { Db } from "../../server/db/create-prisma";
import type { RealtimePublisher } from "../../server/realtime/publisher";

const MAX_FLUSH_FAILURES = 5;

export class LogSink {
  private pending = new Map<string, NewLogEvent[]>();
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: { db: Db; publisher: RealtimePublisher },
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  push(taskId: string, entry: NewLogEvent): void {
    const list = this.pending.get(taskId) ?? [];
    list.push(entry);
    this.pending.set(taskId, list);
  }

  text(taskId: string, entry: { subtaskId: string | null; agentId: string }, delta: string): void {
    const last = this.pending.get(taskId)?.at(-1);
    if (last && last.kind === "TEXT" && last.subtaskId === entry.subtaskId) last.message += delta;
    else this.push(taskId, { ...entry, kind: "TEXT", message: delta });
  }

  /** Resolves when everything pushed so far is stored and published. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async flushOnce(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [taskId, entries] of batch) {
      try {
        this.deps.publisher.logs(await appendLogs(this.deps.db, taskId, entries));
        this.failures = 0;
      } catch (error) {
        if (++this.failures > MAX_FLUSH_FAILURES) {
          console.error(`dropping ${entries.length} log events of task ${taskId}:`, error);
          continue;
        }
        // Keep order: the failed batch goes back in front of anything pushed meanwhile.
        this.pending.set(taskId, [...entries, ...(this.pending.get(taskId) ?? [])]);
      }
    }
  }
}
