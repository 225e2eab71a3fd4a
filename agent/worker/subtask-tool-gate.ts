// The gate a running subtask puts in front of its commands and writes: approvals as the profile
// asks (COMMANDS: every command; WRITES: commands and file writes) and the task's write locks.
// A write takes its lock before asking a person, so nobody approves a write that would be refused.
import { claimWritePath, type WriteClaimContext } from "./claim-write-path";
import type { ToolGate } from "./execute-workspace-tool";
import { requestApproval, type ApprovalContext } from "./request-approval";
import type { AgentRuntime, ApprovalPolicy } from "./runtime";

export interface SubtaskGate extends ToolGate {
  /** Gives up this subtask's write locks; called however the subtask ends. */
  release(): Promise<void>;
}

export function subtaskToolGate(runtime: AgentRuntime, args: { taskId: string; subtaskId: string; policy: ApprovalPolicy; signal: AbortSignal }): SubtaskGate {
  const held = new Set<string>();
  const common = { deps: runtime.deps, logs: runtime.logs, status: runtime.status, taskId: args.taskId, subtaskId: args.subtaskId, agentId: runtime.agentId, signal: args.signal };
  const approvals: ApprovalContext = { ...common, timeoutSeconds: args.policy.approvalTimeoutSeconds };
  const writes: WriteClaimContext = {
    ...common,
    locks: runtime.writeLocks,
    held,
    waitMs: runtime.writeLockWaitMs,
    // Outlives the subtask's own time limit, so only a killed agent's lock runs out on its own.
    lockTtlSeconds: runtime.profile.timeoutSeconds + 60,
  };
  const mode = args.policy.approvalMode;
  return {
    command: (command) => (mode === "NONE" ? Promise.resolve(null) : requestApproval(approvals, { kind: "command", detail: { command } })),
    async write(path, bytes) {
      const refused = await claimWritePath(writes, path);
      if (refused || mode !== "WRITES") return refused;
      return requestApproval(approvals, { kind: "write", detail: { path, bytes } });
    },
    async release() {
      await runtime.writeLocks.release(args.taskId, held, args.subtaskId).catch((error: unknown) => {
        // The locks expire on their own; a failed release only delays the next writer.
        console.error(`releasing write locks of subtask ${args.subtaskId}:`, error);
      });
      held.clear();
    },
  };
}
