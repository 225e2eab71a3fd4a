// Every autoscale interval: reads each profile's queue depth and this host's agents, asks the
// scaling rule what to do, and does it — one more agent, one idle agent retired, or a refused start
// written down. Decisions are recorded only when something changes: a start refused for the same
// cause as last time is not written again (the next tick simply looks again).
import type { Dispatcher } from "../../server/queues/dispatcher";
import type { RedisKeys } from "../../server/redis-keys";
import type { FleetControl } from "./fleet-control";
import { decideScaling, type AgentSnapshot, type ProfileFleet } from "./scaling-rule";
import type { AgentSlotView, AgentSupervisor } from "./supervisor";

export interface AutoscalerOptions {
  fleet: FleetControl;
  supervisor: AgentSupervisor;
  dispatcher: Dispatcher;
  keys: RedisKeys;
  intervalMs: number;
}

const BUSY = new Set(["CLAIMED", "WORKING", "WAITING", "COMPLETING", "ERROR"]);

export function snapshotAgent(agent: AgentSlotView, now: number): AgentSnapshot {
  if (agent.state === "IDLE") return { id: agent.agentId, phase: "idle", idleMs: Math.max(0, now - agent.stateChangedAt) };
  return { id: agent.agentId, phase: BUSY.has(agent.state) ? "busy" : "starting", idleMs: 0 };
}

export function startAutoscaler(options: AutoscalerOptions): { stop(): void; runOnce(): Promise<void> } {
  const { fleet, supervisor } = options;
  /** Profile id → the cause of the last refusal written, so a standing refusal is written once. */
  const refused = new Map<string, string>();
  let running = false;

  const runOnce = async () => {
    if (running) return;
    running = true;
    try {
      const profiles = await fleet.profiles();
      supervisor.updateProfiles(profiles);
      const now = Date.now();
      const agents = supervisor.agents().filter((a) => !a.retiring);
      const known = new Set(profiles.map((p) => p.id));
      for (const orphan of agents.filter((a) => !known.has(a.profile.id))) void supervisor.stopAgent(orphan.agentId, "graceful", "its profile was deleted");

      const input: ProfileFleet[] = await Promise.all(
        profiles.map(async (p) => ({
          profile: p.name,
          minAgents: p.minAgents,
          maxAgents: p.maxAgents,
          queued: await options.dispatcher.waitingCount(options.keys.agentQueue(p.name)),
          agents: agents.filter((a) => a.profile.id === p.id).map((a) => snapshotAgent(a, now)),
        })),
      );
      const decisions = decideScaling(input, await fleet.hostState());
      const stillRefused = new Set<string>();
      for (const decision of decisions) {
        const profile = profiles.find((p) => p.name === decision.profile)!;
        if (decision.action === "refused") {
          stillRefused.add(profile.id);
          const cause = `${decision.to}:${decision.reason.split("; ").at(-1)?.split(":")[0]}`;
          if (refused.get(profile.id) === cause) continue;
          refused.set(profile.id, cause);
          console.log(`autoscaler: ${profile.name} start refused (${decision.reason})`);
          await fleet.record(profile.id, "refused", decision.reason, decision.from, decision.to);
        } else if (decision.action === "scale_up") {
          await supervisor.startAgent(profile);
          await fleet.record(profile.id, "scale_up", decision.reason, decision.from, decision.to);
        } else {
          void supervisor.stopAgent(decision.agentId, "graceful", `scaled down: ${decision.reason}`);
          await fleet.record(profile.id, "scale_down", decision.reason, decision.from, decision.to);
        }
      }
      for (const id of refused.keys()) if (!stillRefused.has(id)) refused.delete(id);
    } catch (error) {
      console.error("autoscaler:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };

  const timer = setInterval(() => void runOnce(), options.intervalMs);
  return { stop: () => clearInterval(timer), runOnce };
}
