// The autoscaling rule as a pure function: from each profile's queue depth and agents, the host's
// limits and its free memory and load, decide which profiles get one more agent, which idle agent
// is retired, and which start is refused. The autoscaler feeds it and carries the decisions out.
// A profile whose jobs wait with no agent to take them comes first; on a host full of other
// profiles' agents, an idle one of a profile with nothing waiting makes room for it, minimum or
// not, since a minimum is a warm pool, not a claim on the host that leaves work stuck.

export interface AgentSnapshot {
  id: string;
  /** starting: not yet taking jobs; idle: waiting for a job; busy: holding one. */
  phase: "starting" | "idle" | "busy";
  /** How long it has been idle (0 unless idle). */
  idleMs: number;
}

export interface ProfileFleet {
  profile: string;
  minAgents: number;
  maxAgents: number;
  /** Jobs waiting on the profile's queue. */
  queued: number;
  /** This host's agents of the profile, not counting those already being stopped. */
  agents: AgentSnapshot[];
}

export interface HostState {
  maxAgents: number;
  freeMemoryMb: number;
  minFreeMemoryMb: number;
  loadPerCore: number;
  maxLoadPerCore: number;
  cooldownMs: number;
}

export type ScalingDecision =
  | { action: "scale_up"; profile: string; reason: string; from: number; to: number }
  | { action: "refused"; profile: string; reason: string; from: number; to: number }
  | { action: "scale_down"; profile: string; agentId: string; reason: string; from: number; to: number };

/** Why a new agent may not start on this host now, or null when it may. */
export function admissionRefusal(host: HostState, totalAgents: number): string | null {
  if (totalAgents >= host.maxAgents) return `host limit reached: ${totalAgents} of ${host.maxAgents} agents`;
  if (host.freeMemoryMb < host.minFreeMemoryMb) return `low memory: ${Math.round(host.freeMemoryMb)} MB free, floor ${host.minFreeMemoryMb} MB`;
  if (host.loadPerCore > host.maxLoadPerCore) return `high load: ${host.loadPerCore.toFixed(2)} per core, limit ${host.maxLoadPerCore}`;
  return null;
}

export function decideScaling(profiles: ProfileFleet[], host: HostState): ScalingDecision[] {
  const decisions: ScalingDecision[] = [];
  let total = profiles.reduce((sum, p) => sum + p.agents.length, 0);

  const wants = profiles.flatMap((p) => {
    const count = p.agents.length;
    const ready = p.agents.filter((a) => a.phase !== "busy").length;
    if (count === 0 && p.queued > 0 && p.maxAgents > 0) return [{ p, tier: 0, urgency: p.queued, reason: `${p.queued} waiting, no agent` }];
    if (count < p.minAgents) return [{ p, tier: 1, urgency: 0, reason: `below minimum: ${count} of ${p.minAgents}` }];
    if (p.queued > ready && count < p.maxAgents) return [{ p, tier: 2, urgency: p.queued - ready, reason: `${p.queued} waiting, ${ready} idle or starting` }];
    return [];
  });
  // Work that nothing can take first, then profiles under their minimum, then the longest backlog,
  // so a full host serves them in that order.
  wants.sort((a, b) => a.tier - b.tier || b.urgency - a.urgency);
  const stuck: ProfileFleet[] = [];
  for (const { p, tier, reason } of wants) {
    // Up to the minimum at once (a fresh host should not take several ticks to reach its floor);
    // above it, one agent per tick, so a backlog is met by agents that are actually taking jobs.
    const steps = Math.max(1, p.minAgents - p.agents.length);
    for (let count = p.agents.length; count < p.agents.length + steps; count++) {
      const refusal = admissionRefusal(host, total);
      if (refusal) {
        decisions.push({ action: "refused", profile: p.profile, reason: `${reason}; ${refusal}`, from: count, to: count + 1 });
        if (tier === 0 && total >= host.maxAgents) stuck.push(p);
        break;
      }
      decisions.push({ action: "scale_up", profile: p.profile, reason, from: count, to: count + 1 });
      total++;
    }
  }

  const wanting = new Set(wants.map((w) => w.p.profile));
  // Room for work stuck behind the host's limit: the longest-idle agent of a profile with nothing
  // waiting, one per stuck profile. Its graceful stop frees the place for the next tick's start.
  const spare = profiles
    .filter((p) => !wanting.has(p.profile) && p.queued === 0)
    .flatMap((p) => p.agents.filter((a) => a.phase === "idle").map((agent) => ({ p, agent })))
    .sort((a, b) => b.agent.idleMs - a.agent.idleMs);
  const retired = new Set<string>();
  for (const p of stuck) {
    const victim = spare.shift();
    if (!victim) break;
    retired.add(victim.agent.id);
    const count = victim.p.agents.length;
    const reason = `making room for ${p.profile} (${p.queued} waiting, no agent): host limit reached`;
    decisions.push({ action: "scale_down", profile: victim.p.profile, agentId: victim.agent.id, reason, from: count, to: count - 1 });
  }

  for (const p of profiles) {
    const count = p.agents.length;
    if (wanting.has(p.profile) || count <= p.minAgents) continue;
    const idle = p.agents.filter((a) => a.phase === "idle" && !retired.has(a.id)).sort((a, b) => b.idleMs - a.idleMs);
    const longest = idle[0];
    if (!longest) continue;
    if (count > p.maxAgents) {
      decisions.push({ action: "scale_down", profile: p.profile, agentId: longest.id, reason: `above maximum: ${count} of ${p.maxAgents}`, from: count, to: count - 1 });
    } else if (p.queued === 0 && longest.idleMs >= host.cooldownMs) {
      const reason = `idle ${Math.round(longest.idleMs / 1000)} s (cool-down ${Math.round(host.cooldownMs / 1000)} s), above minimum ${p.minAgents}`;
      decisions.push({ action: "scale_down", profile: p.profile, agentId: longest.id, reason, from: count, to: count - 1 });
    }
  }
  return decisions;
}
