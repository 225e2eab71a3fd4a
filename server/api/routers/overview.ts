// The overview page's own reads: short task lists with counts, and the queue per profile.
import { queueDepths } from "../../services/overview/queue-depths";
import { taskOverview } from "../../services/overview/task-overview";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const overviewRouter = createTRPCRouter({
  tasks: protectedProcedure.query(({ ctx }) => taskOverview(ctx.deps.db)),
  queues: protectedProcedure.query(({ ctx }) => queueDepths(ctx.deps.db)),
});
