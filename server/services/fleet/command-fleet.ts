// Admins' fleet commands from the dashboard: start an agent of a profile, stop one (gracefully or
// now), restart one. Checked here against PostgreSQL, audited, then sent to the daemons over
// Redis; the daemon that acts reports back through AgentProcess and ScalingEvent changes.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import { ZStopModeSchema, type FleetCommand } from "../../contracts/fleet-commands";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/create-prisma";
import type { FleetCommands } from "../../queues/fleet-commands";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";

export const ZStartAgentRequestSchema = z.object({ profile: z.string().trim().min(1, "name a profile").max(64) });
export const ZStopAgentRequestSchema = z.object({ agentId: z.string().min(1).max(64), mode: ZStopModeSchema.default("graceful") });
export const ZRestartAgentRequestSchema = z.object({ agentId: z.string().min(1).max(64) });

interface Deps {
  db: Db;
  fleetCommands: FleetCommands;
}

type Command = FleetCommand extends infer C ? (C extends FleetCommand ? Omit<C, "id" | "requestedBy"> : never) : never;

async function send(deps: Deps, actor: Actor, command: Command, profileId: string, ip?: string) {
  // By this server's clock, which also stamps the daemons' decisions (ScalingEvent).
  const sentAt = new Date();
  const full = { ...command, id: randomUUID(), requestedBy: actor.email } as FleetCommand;
  await recordAudit(deps.db, { actor, action: "agents.scaled", target: { type: "agent_profile", id: profileId }, data: { ...command }, ip });
  const listening = await deps.fleetCommands.send(full);
  if (listening === 0) throw new ServiceError("CONFLICT", "No agent daemon is listening, so nothing can act on this. Start the daemon (npm run daemon).");
  return { commandId: full.id, daemons: listening, sentAt };
}

export async function startAgent(deps: Deps, actor: Actor, input: z.output<typeof ZStartAgentRequestSchema>, ip?: string) {
  const profile = await deps.db.agentProfile.findUnique({ where: { name: input.profile }, select: { id: true } });
  if (!profile) throw new ServiceError("NOT_FOUND", `No agent profile named "${input.profile}".`);
  return send(deps, actor, { type: "start", profile: input.profile }, profile.id, ip);
}

async function liveAgent(db: Db, agentId: string) {
  const agent = await db.agentProcess.findUnique({ where: { id: agentId }, select: { profileId: true, state: true } });
  if (!agent) throw new ServiceError("NOT_FOUND", `No agent with id "${agentId}".`);
  if (!(LIVE_AGENT_STATES as readonly string[]).includes(agent.state)) throw new ServiceError("CONFLICT", `Agent "${agentId}" is not running (${agent.state.toLowerCase()}).`);
  return agent;
}

export async function stopAgent(deps: Deps, actor: Actor, input: z.output<typeof ZStopAgentRequestSchema>, ip?: string) {
  const agent = await liveAgent(deps.db, input.agentId);
  return send(deps, actor, { type: "stop", agentId: input.agentId, mode: input.mode }, agent.profileId, ip);
}

export async function restartAgent(deps: Deps, actor: Actor, input: z.output<typeof ZRestartAgentRequestSchema>, ip?: string) {
  const agent = await liveAgent(deps.db, input.agentId);
  return send(deps, actor, { type: "restart", agentId: input.agentId }, agent.profileId, ip);
}
