// The audit trail, for admins.
import { listAuditEvents, ZListAuditSchema } from "../../services/audit/list-audit";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListAuditSchema.default({ limit: 50 })).query(({ ctx, input }) => listAuditEvents(ctx.deps.db, input)),
});
