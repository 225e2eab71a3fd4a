// Analytics over a chosen range: every procedure takes the same range and answers with
// aggregates computed by PostgreSQL (see server/services/analytics).
import { agentUtilisation } from "../../services/analytics/agent-utilisation";
import { analyticsSummary } from "../../services/analytics/analytics-summary";
import { ZAnalyticsRangeSchema } from "../../services/analytics/analytics-range";
import { costEstimates } from "../../services/analytics/cost-estimates";
import { durations } from "../../services/analytics/durations";
import { failureReasons } from "../../services/analytics/failure-reasons";
import { queueWait } from "../../services/analytics/queue-wait";
import { taskOutcomes } from "../../services/analytics/task-outcomes";
import { usageBreakdown } from "../../services/analytics/usage-breakdown";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const ranged = protectedProcedure.input(ZAnalyticsRangeSchema);

export const analyticsRouter = createTRPCRouter({
  summary: ranged.query(({ ctx, input }) => analyticsSummary(ctx.deps.db, input)),
  outcomes: ranged.query(({ ctx, input }) => taskOutcomes(ctx.deps.db, input)),
  durations: ranged.query(({ ctx, input }) => durations(ctx.deps.db, input)),
  estimates: ranged.query(({ ctx, input }) => costEstimates(ctx.deps.db, input)),
  queueWait: ranged.query(({ ctx, input }) => queueWait(ctx.deps.db, input)),
  utilisation: ranged.query(({ ctx, input }) => agentUtilisation(ctx.deps.db, input)),
  usage: ranged.query(({ ctx, input }) => usageBreakdown(ctx.deps.db, input)),
  failures: ranged.query(({ ctx, input }) => failureReasons(ctx.deps.db, input)),
});
