// Share links for a task's read-only public page.
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  ZCreateShareLinkSchema,
  ZShareLinkIdSchema,
  ZShareLinksForTaskSchema,
} from "../../services/access/share-links";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const shareRouter = createTRPCRouter({
  list: protectedProcedure.input(ZShareLinksForTaskSchema).query(({ ctx, input }) => listShareLinks(ctx.deps.db, input.taskId)),
  create: protectedProcedure.input(ZCreateShareLinkSchema).mutation(({ ctx, input }) => createShareLink(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  revoke: protectedProcedure.input(ZShareLinkIdSchema).mutation(({ ctx, input }) => revokeShareLink(ctx.deps.db, ctx.actor, input.id, ctx.clientAddress)),
});
