// Personal API tokens; managed only from a signed-in browser (see the permission matrix).
import { createApiToken, listApiTokens, revokeApiToken, ZCreateApiTokenSchema, ZTokenIdSchema } from "../../services/access/api-tokens";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tokenRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.deps.db, ctx.actor.userId)),
  create: protectedProcedure.input(ZCreateApiTokenSchema).mutation(({ ctx, input }) => createApiToken(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  revoke: protectedProcedure.input(ZTokenIdSchema).mutation(({ ctx, input }) => revokeApiToken(ctx.deps.db, ctx.actor, input.id, ctx.clientAddress)),
});
