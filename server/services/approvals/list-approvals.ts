// A task's approvals for its page: what an agent wants to do, who asked, and who decided.
import { z } from "zod";
import type { Db } from "../../db/create-prisma";
import { ServiceError } from "../service-error";

export const ZListApprovalsRequestSchema = z.object({ taskId: z.string().min(1).max(64) });

/** What an agent asks to do: a command line, or a file write with its size. */
export const ZApprovalDetailSchema = z.union([
  z.object({ command: z.string() }),
  z.object({ path: z.string(), bytes: z.number().int().min(0) }),
]);
export type ApprovalDetail = z.infer<typeof ZApprovalDetailSchema>;

export async function listApprovals(db: Db, taskId: string) {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { id: true } });
  if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${taskId}".`);
  const rows = await db.approval.findMany({
    where: { taskId },
    orderBy: { createdAt: "asc" },
    include: { subtask: { select: { index: true, title: true } } },
  });
  const deciders = new Map(
    (await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.decidedById ? [r.decidedById] : [])) } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  );
  return rows.map(({ subtask, detail, ...row }) => ({
    ...row,
    detail: ZApprovalDetailSchema.parse(detail),
    kind: row.kind === "write" ? ("write" as const) : ("command" as const),
    subtask: { index: subtask.index, title: subtask.title },
    decidedBy: row.decidedById ? (deciders.get(row.decidedById) ?? null) : null,
  }));
}
export type ApprovalView = Awaited<ReturnType<typeof listApprovals>>[number];
