// What Claude usage cost over a period, per agent profile and per person.
import { costSummary, ZCostSummaryRequestSchema } from "../../services/costs/cost-summary";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const costRouter = createTRPCRouter({
  summary: protectedProcedure.input(ZCostSummaryRequestSchema).query(({ ctx, input }) => costSummary(ctx.deps.db, input)),
});
