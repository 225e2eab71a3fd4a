// The caller's own identity, for the dashboard header and for tools checking their token.
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { id: true, email: true, name: true, image: true, role: true } });
    // `role` is what this request may do (capped by a token's scope); `teamRole` is the member's own.
    return { ...user, teamRole: user.role, role: ctx.actor.role, via: ctx.actor.via };
  }),
});
