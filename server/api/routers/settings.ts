// Installation settings: the default task budget and the ceiling for members' budgets.
import { getBudgetSettings, updateBudgetSettings, ZUpdateBudgetSettingsSchema } from "../../services/budgets/budget-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const settingsRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => getBudgetSettings(ctx.deps.db)),
  update: protectedProcedure
    .input(ZUpdateBudgetSettingsSchema)
    .mutation(({ ctx, input }) => updateBudgetSettings(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
});
