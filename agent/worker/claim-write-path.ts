// Before a subtask writes a workspace path: take the task's write lock on it. When another
// subtask holds it, wait (agent state WAITING) up to a bound for that subtask to finish, then go
// ahead ("waited") or refuse the write with an error naming the other subtask ("refused"). Both
// cases are recorded as a WriteConflict and a WARN log event.
import { setTimeout as sleep } from "node:timers/promises";
import type { WriteLocks } from "../tools/write-locks";
import type { SubtaskContext } from "./subtask-context";

const POLL_MS = 200;

export interface WriteClaimContext extends SubtaskContext {
  locks: WriteLocks;
  /** Paths this subtask holds, released when it ends. */
  held: Set<string>;
  waitMs: number;
  lockTtlSeconds: number;
}

/** Null when the write may go ahead; otherwise the error to give the model. */
export async function claimWritePath(ctx: WriteClaimContext, path: string): Promise<string | null> {
  const take = () => ctx.locks.acquire(ctx.taskId, path, ctx.subtaskId, ctx.lockTtlSeconds);
  const holderId = await take();
  if (holderId === null) {
    ctx.held.add(path);
    return null;
  }
  const holder = await ctx.deps.db.subtask.findUnique({ where: { id: holderId }, select: { index: true, title: true } });
  const named = holder ? `subtask ${holder.index + 1} '${holder.title}'` : `another subtask (${holderId})`;
  const who = { subtaskId: ctx.subtaskId, agentId: ctx.agentId };

  let blocked: string | null = holderId;
  if (ctx.waitMs > 0) {
    ctx.logs.push(ctx.taskId, { ...who, kind: "STATUS", message: `Waiting for ${named} to finish with ${path}.` });
    await ctx.logs.flush();
    blocked = await ctx.status.waitFor(async () => {
      const deadline = Date.now() + ctx.waitMs;
      for (;;) {
        await sleep(POLL_MS, undefined, { signal: ctx.signal });
        const current = await take();
        if (current === null || Date.now() >= deadline) return current;
      }
    });
  }

  const outcome = blocked === null ? "waited" : "refused";
  if (blocked === null) ctx.held.add(path);
  await ctx.deps.db.writeConflict.create({ data: { taskId: ctx.taskId, path, subtaskId: ctx.subtaskId, holderSubtaskId: holderId, outcome } });
  const message =
    outcome === "waited"
      ? `Write conflict on ${path}: waited for ${named} to finish, then wrote it.`
      : `Write conflict on ${path}: ${named} is still writing it; the write was refused.`;
  ctx.logs.push(ctx.taskId, { ...who, kind: "STATUS", level: "WARN", message, data: { writeConflict: { path, holderSubtaskId: holderId, outcome } } });
  await ctx.logs.flush();
  ctx.deps.publisher.taskUpdate({ taskId: ctx.taskId });
  return outcome === "refused" ? `${path} is being written by ${named}; wait for it or write another file.` : null;
}
