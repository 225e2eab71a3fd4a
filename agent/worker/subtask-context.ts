// What the checks in front of a subtask's tools (approvals, write locks) know about the running
// subtask: where to record and log, whose state to move while waiting, and when to give up.
import type { OrchestratorDeps } from "../../server/services/orchestration/deps";
import type { AgentStatus } from "./agent-status";
import type { LogSink } from "./log-sink";

export interface SubtaskContext {
  deps: Pick<OrchestratorDeps, "db" | "publisher">;
  logs: LogSink;
  status: AgentStatus;
  taskId: string;
  subtaskId: string;
  agentId: string;
  /** Aborted on cancel or the subtask's time limit; ends any wait. */
  signal: AbortSignal;
}
