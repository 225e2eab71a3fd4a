// Team administration: members, their roles, and invitations.
import {
  createInvitation,
  listInvitations,
  listMembers,
  revokeInvitation,
  setMemberDisabled,
  setMemberRole,
  ZCreateInvitationSchema,
  ZInvitationIdSchema,
  ZListMembersSchema,
  ZSetDisabledSchema,
  ZSetRoleSchema,
} from "../../services/access/members";
import { ZPageRequestSchema } from "../../services/pagination";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const memberRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListMembersSchema.default({ limit: 50, includeRemoved: true })).query(({ ctx, input }) => listMembers(ctx.deps.db, input)),
  setRole: protectedProcedure.input(ZSetRoleSchema).mutation(({ ctx, input }) => setMemberRole(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  setDisabled: protectedProcedure.input(ZSetDisabledSchema).mutation(({ ctx, input }) => setMemberDisabled(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
});

export const invitationRouter = createTRPCRouter({
  list: protectedProcedure.input(ZPageRequestSchema.default({ limit: 50 })).query(({ ctx, input }) => listInvitations(ctx.deps.db, input)),
  create: protectedProcedure.input(ZCreateInvitationSchema).mutation(({ ctx, input }) => createInvitation(ctx.deps.db, ctx.actor, input, ctx.clientAddress)),
  revoke: protectedProcedure.input(ZInvitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx.deps.db, ctx.actor, input.id, ctx.clientAddress)),
});
