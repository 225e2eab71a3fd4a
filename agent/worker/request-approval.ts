// Asks a person before a gated tool runs (the profile's approvalMode): records a PENDING
// Approval, says so in the task log and live, then waits (agent state WAITING) until someone
// approves or denies it on the task page or the profile's approvalTimeoutSeconds pass (EXPIRED,
// treated as denied). A cancel of the task aborts the wait.
import { setTimeout as sleep } from "node:timers/promises";
import type { ApprovalDetail } from "../../server/services/approvals/list-approvals";
import { expireApproval } from "../../server/services/approvals/decide-approval";
import type { SubtaskContext } from "./subtask-context";

const POLL_MS = 300;

export interface ApprovalContext extends SubtaskContext {
  timeoutSeconds: number;
}

export type ApprovalRequest = { kind: "command"; detail: { command: string } } | { kind: "write"; detail: { path: string; bytes: number } };

/** Null when approved; otherwise the tool error for the model. */
export async function requestApproval(ctx: ApprovalContext, request: ApprovalRequest): Promise<string | null> {
  const { db, publisher } = ctx.deps;
  const what = describe(request.detail);
  const approval = await db.approval.create({
    data: {
      taskId: ctx.taskId,
      subtaskId: ctx.subtaskId,
      agentId: ctx.agentId,
      kind: request.kind,
      detail: request.detail,
      expiresAt: new Date(Date.now() + ctx.timeoutSeconds * 1000),
    },
  });
  const who = { subtaskId: ctx.subtaskId, agentId: ctx.agentId };
  ctx.logs.push(ctx.taskId, { ...who, kind: "STATUS", level: "WARN", message: `Waiting for a person to approve: ${what}`, data: { approvalId: approval.id } });
  await ctx.logs.flush();
  publisher.taskUpdate({ taskId: ctx.taskId });

  const decided = await ctx.status.waitFor(async () => {
    for (;;) {
      const row = await db.approval.findUniqueOrThrow({ where: { id: approval.id }, select: { status: true, decidedById: true } });
      if (row.status !== "PENDING") return row;
      if (Date.now() >= approval.expiresAt.getTime()) {
        // A decision that lands in the same instant wins; otherwise nobody answered in time.
        if (!(await expireApproval(db, approval.id))) continue;
        publisher.taskUpdate({ taskId: ctx.taskId });
        return { status: "EXPIRED" as const, decidedById: null };
      }
      await sleep(POLL_MS, undefined, { signal: ctx.signal });
    }
  });

  const by = decided.decidedById ? ((await db.user.findUnique({ where: { id: decided.decidedById }, select: { email: true } }))?.email ?? "a person") : null;
  const noun = request.kind === "command" ? "command" : "write";
  const outcome =
    decided.status === "APPROVED"
      ? { level: "INFO" as const, log: `Approved by ${by}: ${what}`, error: null }
      : decided.status === "DENIED"
        ? { level: "WARN" as const, log: `Denied by ${by}: ${what}`, error: `A person denied this ${noun}: ${what}. Do not retry it; finish with what you have or try another way.` }
        : { level: "WARN" as const, log: `Nobody answered within ${ctx.timeoutSeconds} s, so this was not allowed: ${what}`, error: `Nobody approved this ${noun} within ${ctx.timeoutSeconds} s, so it did not run: ${what}.` };
  ctx.logs.push(ctx.taskId, { ...who, kind: "STATUS", level: outcome.level, message: outcome.log, data: { approvalId: approval.id, status: decided.status } });
  await ctx.logs.flush();
  return outcome.error;
}

function describe(detail: ApprovalDetail): string {
  return "command" in detail ? detail.command : `write ${detail.path} (${detail.bytes} bytes)`;
}
