// The model price table: everyone reads it, admins edit it.
import { listModelPrices, removeModelPrice, upsertModelPrice, ZRemovePriceSchema, ZUpsertPriceSchema } from "../../services/costs/model-prices";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const pricingRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listModelPrices(ctx.deps.db)),
  upsert: protectedProcedure.input(ZUpsertPriceSchema).mutation(({ ctx, input }) => upsertModelPrice(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  remove: protectedProcedure.input(ZRemovePriceSchema).mutation(({ ctx, input }) => removeModelPrice(ctx.deps.db, ctx.actor, input.model, ctx.clientAddress)),
});
