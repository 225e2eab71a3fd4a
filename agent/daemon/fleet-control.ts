// What can be done to this host's fleet and by whom — the autoscaler, an admin through the
// dashboard's command channel, or an operator through the management API — with each change
// checked against the profile's and the host's limits and written down as a ScalingEvent.
import type { ScalingAction } from "../../server/contracts/realtime";
import type { StopMode } from "../../server/contracts/fleet-commands";
import type { Db } from "../../server/db/create-prisma";
import type { RealtimePublisher } from "../../server/realtime/publisher";
import { recordScalingEvent } from "../../server/services/fleet/scaling-events";
import type { DaemonConfig } from "./config/config-schema";
import type { HostResources } from "./host-resources";
import { admissionRefusal, type HostState } from "./scaling-rule";
import type { AgentSupervisor, SupervisedProfile } from "./supervisor";

export interface FleetProfile extends SupervisedProfile {
  minAgents: number;
  maxAgents: number;
}

export type StartResult = { ok: true; agentId: string } | { ok: false; kind: "unknown_profile" | "refused"; error: string };

export interface FleetControlOptions {
  db: Db;
  publisher: RealtimePublisher;
  host: string;
  supervisor: AgentSupervisor;
  config: DaemonConfig;
  readHost(): Promise<HostResources>;
}

export function createFleetControl(options: FleetControlOptions) {
  const { db, supervisor, config } = options;

  /** Profiles with this host's fleet sizes: the profile's own, unless the configuration overrides them. */
  async function profiles(): Promise<FleetProfile[]> {
    const rows = await db.agentProfile.findMany({
      select: { id: true, name: true, minAgents: true, maxAgents: true, memoryLimitMb: true, timeoutSeconds: true },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((row) => {
      const override = config.fleet.profiles[row.name] ?? {};
      const minAgents = override.minAgents ?? row.minAgents;
      return { ...row, minAgents, maxAgents: Math.max(minAgents, override.maxAgents ?? row.maxAgents) };
    });
  }

  /** Agents of the profile that are not on their way out. */
  const count = (profileId: string) => supervisor.agents().filter((a) => a.profile.id === profileId && !a.retiring).length;
  const total = () => supervisor.agents().filter((a) => !a.retiring).length;

  async function hostState(): Promise<HostState> {
    const resources = await options.readHost();
    return { ...resources, maxAgents: config.fleet.maxAgents, minFreeMemoryMb: config.host.minFreeMemoryMb, maxLoadPerCore: config.host.maxLoadPerCore, cooldownMs: config.intervals.cooldown };
  }

  async function record(profileId: string, action: ScalingAction, reason: string, fromCount: number, toCount: number): Promise<void> {
    await recordScalingEvent(options, { host: options.host, profileId, action, reason, fromCount, toCount }).catch((error) => console.error("scaling event:", error));
  }

  /**
   * An admin's or operator's start: within the profile's maximum and the host's limits. `claim`
   * runs once the start is admissible, so that among several daemons only one carries it out.
   */
  async function start(profileName: string, requestedBy: string, claim: () => Promise<boolean> = async () => true): Promise<StartResult | null> {
    const profile = (await profiles()).find((p) => p.name === profileName);
    if (!profile) return { ok: false, kind: "unknown_profile", error: `No agent profile named "${profileName}".` };
    const from = count(profile.id);
    const refusal = from >= profile.maxAgents ? `profile at its maximum: ${from} of ${profile.maxAgents}` : admissionRefusal(await hostState(), total());
    if (refusal) {
      await record(profile.id, "refused", `start requested by ${requestedBy}; ${refusal}`, from, from + 1);
      return { ok: false, kind: "refused", error: `Not started: ${refusal}.` };
    }
    if (!(await claim())) return null;
    supervisor.updateProfiles([profile]);
    const agentId = await supervisor.startAgent(profile);
    await record(profile.id, "start", `requested by ${requestedBy}`, from, from + 1);
    return { ok: true, agentId };
  }

  /** False when this daemon does not run the agent. */
  async function stop(agentId: string, mode: StopMode, requestedBy: string): Promise<boolean> {
    const agent = supervisor.agents().find((a) => a.agentId === agentId);
    if (!agent) return false;
    if (agent.retiring && mode === "graceful") return true;
    const from = count(agent.profile.id);
    const how = mode === "now" ? "stopped now (its subtask goes back to the queue)" : "stopping after its current subtask";
    await record(agent.profile.id, "stop", `${how}, requested by ${requestedBy}`, from, agent.retiring ? from : from - 1);
    void supervisor.stopAgent(agentId, mode, `stopped by ${requestedBy}`).catch((error) => console.error("stop:", error));
    return true;
  }

  async function restart(agentId: string, requestedBy: string): Promise<boolean> {
    const agent = supervisor.agents().find((a) => a.agentId === agentId);
    if (!agent || agent.retiring) return agent !== undefined;
    const from = count(agent.profile.id);
    await record(agent.profile.id, "restart", `requested by ${requestedBy}`, from, from);
    void supervisor.restartAgent(agentId, `restarted by ${requestedBy}`).catch((error) => console.error("restart:", error));
    return true;
  }

  return { profiles, count, hostState, record, start, stop, restart };
}

export type FleetControl = ReturnType<typeof createFleetControl>;
