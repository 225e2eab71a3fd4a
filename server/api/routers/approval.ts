// Approvals: what agents asked to do on a task (commands, file writes) and the decisions on them.
import { decideApproval, ZDecideApprovalRequestSchema } from "../../services/approvals/decide-approval";
import { listApprovals, ZListApprovalsRequestSchema } from "../../services/approvals/list-approvals";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const approvalRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListApprovalsRequestSchema).query(({ ctx, input }) => listApprovals(ctx.deps.db, input.taskId)),
  decide: protectedProcedure
    .input(ZDecideApprovalRequestSchema)
    .mutation(({ ctx, input }) => decideApproval(ctx.deps, { id: input.id, approve: input.approve, actor: ctx.actor, ip: ctx.clientAddress })),
});
