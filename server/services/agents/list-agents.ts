// Agent processes for the agents page: live ones first, then recently ended ones.
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import type { Db } from "../../db/create-prisma";

export async function listAgents(db: Db, options: { endedLimit?: number } = {}) {
  const select = {
    id: true,
    host: true,
    pid: true,
    state: true,
    stateChangedAt: true,
    currentSubtaskId: true,
    restarts: true,
    exitCode: true,
    exitSignal: true,
    exitReason: true,
    cpuPercent: true,
    rssBytes: true,
    lastHeartbeatAt: true,
    startedAt: true,
    endedAt: true,
    profile: { select: { name: true } },
  } as const;
  const [live, ended] = await Promise.all([
    db.agentProcess.findMany({ where: { state: { in: [...LIVE_AGENT_STATES] } }, orderBy: { startedAt: "asc" }, select }),
    db.agentProcess.findMany({
      where: { state: { notIn: [...LIVE_AGENT_STATES] } },
      orderBy: { endedAt: "desc" },
      take: options.endedLimit ?? 20,
      select,
    }),
  ]);
  const busy = live.flatMap((agent) => (agent.currentSubtaskId ? [agent.currentSubtaskId] : []));
  const subtasks = new Map(
    (await db.subtask.findMany({ where: { id: { in: busy } }, select: { id: true, title: true, taskId: true } })).map((s) => [s.id, s]),
  );
  const toView = ({ profile, rssBytes, ...agent }: (typeof live)[number]) => ({
    ...agent,
    profile: profile.name,
    rssBytes: rssBytes === null ? null : Number(rssBytes),
    currentSubtask: agent.currentSubtaskId ? (subtasks.get(agent.currentSubtaskId) ?? null) : null,
  });
  return { live: live.map(toView), ended: ended.map(toView) };
}

export async function listProfiles(db: Db) {
  return db.agentProfile.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      capabilities: true,
      model: true,
      allowedTools: true,
      maxTurns: true,
      timeoutSeconds: true,
      memoryLimitMb: true,
      networkAllowed: true,
      approvalMode: true,
      approvalTimeoutSeconds: true,
      minAgents: true,
      maxAgents: true,
      maxConcurrentCalls: true,
    },
  });
}
