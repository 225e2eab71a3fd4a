// Buffers an agent's log events and writes them in batches (one statement per task per flush),
// then publishes them live. A line is written at most BATCH_WAIT_MS after it was pushed, together
// with whatever was pushed meanwhile, or sooner when the run flushes (at its end); each keeps the
// time it was pushed (a text line, the time its first words came). Streamed text is cut into
// readable lines: a text event is written at a sentence or line end, when the model turns to a
// tool, or after TEXT_MAX_WAIT_MS, never as a row per token or a fragment cut mid-word by the
// flush timer.
import { appendLogs, type NewLogEvent } from "../../server/services/logs/append-logs";
import type { Sql } from "../../server/db/create-prisma";
import type { RealtimePublisher } from "../../server/realtime/publisher";

/** A batch is kept and retried while PostgreSQL is away (a restart takes seconds), up to this long. */
const MAX_FLUSH_OUTAGE_MS = 120_000;
const TEXT_MAX_WAIT_MS = 1000;
const BATCH_WAIT_MS = 20;
const SENTENCE_END = /[.!?:;)\]]["')\]]*\s+|\n+/g;

interface OpenText {
  taskId: string;
  entry: NewLogEvent;
  since: number;
}

export class LogSink {
  private pending = new Map<string, NewLogEvent[]>();
  private open = new Map<string, OpenText>();
  private flushing: Promise<void> = Promise.resolve();
  private failingSince: number | null = null;
  private scheduled: NodeJS.Timeout | null = null;
  /** Releases finished sentences of streamed text and retries failed batches. */
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: { sql: Sql; publisher: RealtimePublisher },
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => void this.write(false), intervalMs);
    this.timer.unref();
  }

  push(taskId: string, entry: NewLogEvent): void {
    this.closeText(taskId, entry.subtaskId ?? null);
    this.enqueue(taskId, { ...entry, at: entry.at ?? new Date() });
  }

  text(taskId: string, who: { subtaskId: string | null; agentId: string }, delta: string): void {
    const key = textKey(taskId, who.subtaskId);
    const current = this.open.get(key);
    if (current) current.entry.message += delta;
    else this.open.set(key, { taskId, entry: { ...who, kind: "TEXT", message: delta, at: new Date() }, since: Date.now() });
  }

  /** Resolves when everything pushed so far, unfinished text included, is stored and published. */
  flush(): Promise<void> {
    return this.write(true);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.scheduled) clearTimeout(this.scheduled);
    await this.flush();
  }

  private write(allText: boolean): Promise<void> {
    this.releaseText(allText);
    // This write takes everything pending, so the batch's own timer has nothing left to do.
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  private enqueue(taskId: string, entry: NewLogEvent): void {
    const list = this.pending.get(taskId) ?? [];
    list.push(entry);
    this.pending.set(taskId, list);
    this.scheduled ??= setTimeout(
      () => {
        this.scheduled = null;
        void this.write(false);
      },
      BATCH_WAIT_MS,
    );
  }

  private closeText(taskId: string, subtaskId: string | null): void {
    const key = textKey(taskId, subtaskId);
    const current = this.open.get(key);
    if (!current) return;
    this.open.delete(key);
    if (current.entry.message.trim()) this.enqueue(taskId, current.entry);
  }

  /** Moves finished sentences (or everything, when asked or when text waited too long) to pending. */
  private releaseText(all: boolean): void {
    const now = Date.now();
    for (const [key, current] of this.open) {
      if (all || now - current.since >= TEXT_MAX_WAIT_MS) {
        this.closeText(current.taskId, current.entry.subtaskId ?? null);
        continue;
      }
      const cut = lastSentenceEnd(current.entry.message);
      if (cut === 0) continue;
      this.enqueue(current.taskId, { ...current.entry, message: current.entry.message.slice(0, cut) });
      this.open.set(key, { ...current, entry: { ...current.entry, message: current.entry.message.slice(cut), at: new Date(now) }, since: now });
    }
  }

  private async flushOnce(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [taskId, entries] of batch) {
      try {
        this.deps.publisher.logs(await appendLogs(this.deps.sql, taskId, entries));
        this.failingSince = null;
      } catch (error) {
        this.failingSince ??= Date.now();
        if (Date.now() - this.failingSince > MAX_FLUSH_OUTAGE_MS) {
          console.error(`dropping ${entries.length} log events of task ${taskId}:`, error);
          continue;
        }
        // Keep order: the failed batch goes back in front of anything pushed meanwhile.
        this.pending.set(taskId, [...entries, ...(this.pending.get(taskId) ?? [])]);
      }
    }
  }
}

const textKey = (taskId: string, subtaskId: string | null) => `${taskId}:${subtaskId ?? ""}`;

/** Index just past the last sentence or line end, 0 when the text has none yet. */
export function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const match of text.matchAll(SENTENCE_END)) end = match.index + match[0].length;
  return end;
}
