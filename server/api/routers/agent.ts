// Fleet procedures: agent processes and agent profiles, admins' start/stop/restart, and the
// daemons' scaling decisions.
import { z } from "zod";
import { listAgents, listEndedAgents, listProfiles } from "../../services/agents/list-agents";
import { ZPageRequestSchema } from "../../services/pagination";
import {
  restartAgent,
  startAgent,
  stopAgent,
  ZRestartAgentRequestSchema,
  ZStartAgentRequestSchema,
  ZStopAgentRequestSchema,
} from "../../services/fleet/command-fleet";
import { listScalingEvents } from "../../services/fleet/scaling-events";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const agentRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listAgents(ctx.deps.db, { samples: ctx.deps.agentSamples })),
  history: protectedProcedure.input(ZPageRequestSchema).query(({ ctx, input }) => listEndedAgents(ctx.deps.db, input)),
  profiles: protectedProcedure.query(({ ctx }) => listProfiles(ctx.deps.db)),
  scalingEvents: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(30) }).default({ limit: 30 }))
    .query(({ ctx, input }) => listScalingEvents(ctx.deps.db, input)),
  start: protectedProcedure.input(ZStartAgentRequestSchema).mutation(({ ctx, input }) => startAgent(ctx.deps, ctx.actor, input, ctx.clientAddress)),
  stop: protectedProcedure.input(ZStopAgentRequestSchema).mutation(({ ctx, input }) => stopAgent(ctx.deps, ctx.actor, input, ctx.clientAddress)),
  restart: protectedProcedure.input(ZRestartAgentRequestSchema).mutation(({ ctx, input }) => restartAgent(ctx.deps, ctx.actor, input, ctx.clientAddress)),
});
