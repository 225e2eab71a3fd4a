// Agent profiles: admins create and edit them (reading is agent.profiles).
import { z } from "zod";
import { createProfile, updateProfile, ZProfileFieldsSchema, ZUpdateProfileSchema } from "../../services/profiles/save-profile";
import { ServiceError } from "../../services/service-error";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const profileRouter = createTRPCRouter({
  byId: protectedProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(async ({ ctx, input }) => {
    const profile = await ctx.deps.db.agentProfile.findUnique({ where: { id: input.id } });
    if (!profile) throw new ServiceError("NOT_FOUND", `No profile with id "${input.id}".`);
    return profile;
  }),
  create: protectedProcedure.input(ZProfileFieldsSchema).mutation(({ ctx, input }) => createProfile(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  update: protectedProcedure.input(ZUpdateProfileSchema).mutation(({ ctx, input }) => updateProfile(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
});
