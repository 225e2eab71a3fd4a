// Fleet-wide state the dashboard shows on every page: the rate-limit pause, if one is in force.
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const fleetRouter = createTRPCRouter({
  pauseState: protectedProcedure.query(async ({ ctx }) => ({ pause: await ctx.deps.fleetPause.read(), now: Date.now() })),
});
