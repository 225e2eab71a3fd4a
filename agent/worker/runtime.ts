// What a job handler gets: the orchestration services, the model client, this agent's identity
// and profile, the log sink and workspace settings. Handlers never touch BullMQ.
import type Anthropic from "@anthropic-ai/sdk";
import type { OrchestratorDeps } from "../../server/services/orchestration/deps";
import type { TaskCoordination } from "../tools/task-coordination";
import type { WriteLocks } from "../tools/write-locks";
import type { AgentStatus } from "./agent-status";
import type { BackgroundWork } from "./background-work";
import type { LogSink } from "./log-sink";
import type { ModelCallControls } from "./model-gate";
import type { WorkspaceConfig } from "./workspace";

export interface AgentProfileConfig {
  id: string;
  name: string;
  model: string | null;
  systemPrompt: string;
  allowedTools: string[];
  maxTurns: number;
  timeoutSeconds: number;
  networkAllowed: boolean;
  /** At most this many model calls of the profile at once across the fleet (null: no cap). */
  maxConcurrentCalls: number | null;
}

/** Read when a subtask starts, so an admin's change applies without restarting agents. */
export interface ApprovalPolicy {
  approvalMode: "NONE" | "COMMANDS" | "WRITES";
  approvalTimeoutSeconds: number;
}

export interface AgentRuntime {
  deps: OrchestratorDeps;
  anthropic: Anthropic;
  defaultModel: string;
  agentId: string;
  profile: AgentProfileConfig;
  logs: LogSink;
  workspaces: WorkspaceConfig;
  commandTimeoutSeconds: number;
  allowUnsandboxedCommands: boolean;
  /** Fenced ranges that commands allowed the network may reach all the same (BATON_COMMAND_REACHABLE). */
  commandReachable: readonly string[];
  coordination: TaskCoordination;
  writeLocks: WriteLocks;
  writeLockWaitMs: number;
  /** Where this agent is in its state machine; handlers move it as the job goes on. */
  status: AgentStatus;
  /** Prices, the fleet's rate-limit pause and concurrent-call slots, checked around every model call. */
  modelCalls: ModelCallControls;
  /** What a job leaves running when it returns, so the agent takes its next job sooner. */
  background: BackgroundWork;
  /** True once the agent is shutting down: it finishes its run but takes no follow-on. */
  stopping: () => boolean;
}

export interface JobContext<P> {
  payload: P;
  attempt: number;
  maxAttempts: number;
  /** Aborted on cancel or task timeout. */
  signal: AbortSignal;
}

export const modelFor = (runtime: AgentRuntime) => runtime.profile.model ?? runtime.defaultModel;
