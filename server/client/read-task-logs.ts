// Reads a task's stored log after a given seq, page by page, for history and catch-up.
import type { LogEventMessage } from "../contracts/realtime";
import type { BatonClient } from "./create-baton-client";

/** The server's largest page; fewer round trips for long logs. */
export const LOG_PAGE_SIZE = 2000;

export async function* readTaskLogPages(
  client: BatonClient,
  { taskId, afterSeq = 0, signal }: { taskId: string; afterSeq?: number; signal?: AbortSignal },
): AsyncGenerator<LogEventMessage[]> {
  for (let after = afterSeq; ; ) {
    // tRPC never removes the abort listener it adds, so each request gets its own child signal
    // (AbortSignal.any holds it weakly) rather than piling listeners onto a long-lived one.
    const page = await client.task.logs.query({ id: taskId, afterSeq: after, limit: LOG_PAGE_SIZE }, { signal: signal && AbortSignal.any([signal]) });
    if (page.items.length > 0) yield page.items;
    if (!page.hasMore || page.items.length === 0) return;
    after = page.items.at(-1)!.seq;
  }
}
