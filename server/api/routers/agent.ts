// Fleet procedures: agent processes and agent profiles.
import { listAgents, listProfiles } from "../../services/agents/list-agents";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const agentRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listAgents(ctx.deps.db)),
  profiles: protectedProcedure.query(({ ctx }) => listProfiles(ctx.deps.db)),
});
