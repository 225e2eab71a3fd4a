// Agent processes for the agents page: the live ones with their recent CPU and memory samples,
// and, a page at a time, those that ended and why.
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import type { Db } from "../../db/create-prisma";
import { pageArgs, toPage, type PageRequest } from "../pagination";
import type { AgentSample, AgentSamples } from "./agent-samples";

const SELECT = {
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
  previousExitReason: true,
  cpuPercent: true,
  rssBytes: true,
  lastHeartbeatAt: true,
  startedAt: true,
  endedAt: true,
  profile: { select: { name: true } },
} as const;

export async function listAgents(db: Db, options: { samples?: AgentSamples } = {}) {
  const live = await db.agentProcess.findMany({ where: { state: { in: [...LIVE_AGENT_STATES] } }, orderBy: { startedAt: "asc" }, select: SELECT });
  const busy = live.flatMap((agent) => (agent.currentSubtaskId ? [agent.currentSubtaskId] : []));
  const [subtaskRows, samples] = await Promise.all([
    db.subtask.findMany({ where: { id: { in: busy } }, select: { id: true, title: true, taskId: true } }),
    // Sparklines are a nicety: without Redis the page still lists the fleet.
    options.samples?.read(live.map((agent) => agent.id)).catch(() => null) ?? null,
  ]);
  const subtasks = new Map(subtaskRows.map((s) => [s.id, s]));
  const toView = ({ profile, rssBytes, ...agent }: (typeof live)[number]) => ({
    ...agent,
    profile: profile.name,
    rssBytes: rssBytes === null ? null : Number(rssBytes),
    currentSubtask: agent.currentSubtaskId ? (subtasks.get(agent.currentSubtaskId) ?? null) : null,
    samples: samples?.get(agent.id) ?? ([] as AgentSample[]),
  });
  return { live: live.map(toView) };
}

/** Processes that exited or crashed, most recently ended first. */
export async function listEndedAgents(db: Db, request: PageRequest) {
  const rows = await db.agentProcess.findMany({
    where: { state: { notIn: [...LIVE_AGENT_STATES] } },
    orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    select: SELECT,
    ...pageArgs(request),
  });
  const page = toPage(rows, request);
  return { ...page, items: page.items.map(({ profile, rssBytes, ...agent }) => ({ ...agent, profile: profile.name, rssBytes: rssBytes === null ? null : Number(rssBytes) })) };
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
