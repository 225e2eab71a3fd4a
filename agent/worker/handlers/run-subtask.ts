// Runs one subtask: claim it (getting an attempt number), give Claude the instructions and the
// outputs of its dependencies, run the tool loop in the task workspace, and record the result of
// the finish tool. A cancel aborts quietly; a timeout or error fails this attempt. Tool results are
// trimmed to the conversation's budget; commands and writes pass the subtask's gate (approvals,
// write locks), whose locks are released however the subtask ends.
import { ZFinishSchema, type FinishInput } from "../../../server/contracts/plan";
import { JOB_DEFINITIONS } from "../../../server/contracts/jobs";
import { claimSubtask, completeSubtask, failSubtaskAttempt, releaseSubtask, type FollowOn, type SubtaskClaim } from "../../../server/services/orchestration/subtask-lifecycle";
import { BudgetReachedError, deferralOf } from "../../model/call-deferrals";
import { describeModelError, isTransientModelError } from "../../model/create-anthropic";
import { runToolLoop } from "../../model/run-tool-loop";
import { bubblewrapAvailable, type CommandSandbox } from "../../tools/sandbox";
import { createToolOutputBudget } from "../../tools/trim-tool-output";
import { toolDefinition, isToolName } from "../../tools/tool-definitions";
import { executeWorkspaceTool } from "../execute-workspace-tool";
import { isInfrastructureError } from "../infrastructure-error";
import { modelGate } from "../model-gate";
import { PermanentError } from "../permanent-error";
import { modelFor, type AgentRuntime, type JobContext } from "../runtime";
import { TaskAbortedError } from "../task-aborts";
import { subtaskToolGate } from "../subtask-tool-gate";
import { ensureWorkspace } from "../workspace";
import { streamCallbacks } from "./stream-callbacks";

type SubtaskJob = JobContext<{ taskId: string; subtaskId: string }>;

/**
 * The job's subtask, then each follow-on its completion claims for this agent (see
 * completeSubtask). A follow-on has no job of its own, so its errors stay here: one that is to be
 * run again (a retry, Claude's rate limit) gets its job now, and the job's own run is unaffected.
 */
export async function runSubtask(runtime: AgentRuntime, ctx: SubtaskJob): Promise<void> {
  let next = await runOneSubtask(runtime, ctx);
  while (next) {
    const followOn: FollowOn = next;
    const payload = { taskId: followOn.taskId, subtaskId: followOn.subtaskId };
    const giveJob = (delayMs = 0) => runtime.deps.dispatcher.enqueue("subtask", payload, { queue: followOn.queue, priority: followOn.priority, delayMs });
    runtime.status.to("CLAIMED", followOn.subtaskId);
    // A stopping agent finishes its run, not a chain: a next step claimed as it began stopping goes back to the queue.
    if (runtime.stopping()) {
      const reason = "Back in the queue: the agent that took it is stopping.";
      if (await releaseSubtask(runtime.deps, { ...payload, attempt: followOn.claim.attempt, to: "QUEUED", reason })) await giveJob();
      return;
    }
    try {
      next = await runOneSubtask(runtime, { ...ctx, payload, attempt: 1, maxAttempts: JOB_DEFINITIONS.subtask.attempts }, followOn.claim);
    } catch (error) {
      // Handed back at the task's budget, as a job's own subtask would be.
      if (deferralOf(error) instanceof BudgetReachedError) throw error;
      runtime.status.to("ERROR");
      console.error(`follow-on ${followOn.subtaskId}: ${describeModelError(error)}`);
      const delayMs = followOnRetryDelay(error);
      if (delayMs !== null) await giveJob(delayMs);
      return;
    }
  }
}

/**
 * When a follow-on whose run threw runs again, through a job of its own: at once when Claude's
 * rate limit handed it back (agents wait out the fleet's pause before taking a job), after the
 * retry backoff when it failed for now; never when it failed for good, or when it waits at the
 * task's budget (PENDING, until the budget is raised).
 */
export function followOnRetryDelay(error: unknown): number | null {
  const deferral = deferralOf(error);
  if (deferral instanceof BudgetReachedError || error instanceof PermanentError) return null;
  return deferral ? 0 : JOB_DEFINITIONS.subtask.backoffMs;
}

/** Runs the subtask of `ctx`, claiming it first unless a completion claimed it already (`claimed`). */
async function runOneSubtask(runtime: AgentRuntime, ctx: SubtaskJob, claimed?: SubtaskClaim): Promise<FollowOn | null> {
  const { taskId, subtaskId } = ctx.payload;
  // The task's workspace is made ready while the claim's round trip is out; a lost claim leaves it for the task's other runs.
  const [claim, workspace] = await Promise.all([
    claimed ?? claimSubtask(runtime.deps, { taskId, subtaskId, agentId: runtime.agentId, profileId: runtime.profile.id }),
    ensureWorkspace(runtime.workspaces, taskId),
  ]);
  if (!claim) return null;
  runtime.status.to("WORKING", subtaskId);
  const who = { subtaskId, agentId: runtime.agentId };
  runtime.logs.push(taskId, { ...who, kind: "STATUS", message: `Started "${claim.title}" on ${runtime.profile.name} agent (attempt ${claim.attempt}).` });

  const timeout = AbortSignal.timeout(runtime.profile.timeoutSeconds * 1000);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const allowed = runtime.profile.allowedTools.filter(isToolName);
  const commandSandbox: CommandSandbox | null = bubblewrapAvailable()
    ? { kind: "bwrap", network: runtime.profile.networkAllowed, reachable: runtime.commandReachable }
    : runtime.allowUnsandboxedCommands
      ? { kind: "none" }
      : null;
  let finished: FinishInput | null = null;
  const gate = subtaskToolGate(runtime, { taskId, subtaskId, policy: claim.policy, signal });
  // The call that finishes the run is recorded by the completion's statement (see model-gate.ts).
  const calls = modelGate(runtime, taskId, subtaskId, { spendAtClaim: claim.spend, holdBackFor: "finish" });
  const budget = createToolOutputBudget();

  try {
    const result = await runToolLoop({
      client: runtime.anthropic,
      model: modelFor(runtime),
      system: runtime.profile.systemPrompt,
      prompt: subtaskPrompt(claim),
      tools: [...allowed.map(toolDefinition), toolDefinition("finish")],
      maxTurns: runtime.profile.maxTurns,
      signal,
      ...streamCallbacks(runtime, taskId, subtaskId, calls),
      async execute(name, input) {
        if (name !== "finish") {
          const outcome = await executeWorkspaceTool(
            {
              workspace,
              allowedTools: allowed,
              commandTimeoutSeconds: runtime.commandTimeoutSeconds,
              commandSandbox,
              coordination: { state: runtime.coordination, taskId, from: claim.title },
              signal,
              gate,
            },
            name,
            input,
          );
          return { ...outcome, content: budget.fit(outcome.content) };
        }
        const parsed = ZFinishSchema.safeParse(input);
        if (!parsed.success) return { content: "finish needs a non-empty summary.", isError: true };
        finished = parsed.data;
        return { content: "Subtask finished.", done: true };
      },
    });
    if (!finished) throw new PermanentError(result.kind === "max_turns" ? `Stopped after ${runtime.profile.maxTurns} turns without calling finish.` : "The model stopped without calling finish.");
  } catch (error) {
    await gate.release();
    await calls.flush();
    await runtime.logs.flush();
    if (ctx.signal.aborted && ctx.signal.reason instanceof TaskAbortedError) {
      runtime.status.to("COMPLETING");
      return null;
    }
    // Stopped at a safe point before a model call: the attempt is handed back, not used up.
    const deferral = deferralOf(error);
    if (deferral) {
      const atBudget = deferral instanceof BudgetReachedError;
      const reason = atBudget
        ? "Stopped before its next model call: the task reached its budget. It runs again when the budget is raised."
        : `Back in the queue: Claude's rate limit pauses the fleet until ${new Date(deferral.until).toISOString()}.`;
      runtime.logs.push(taskId, { ...who, kind: "STATUS", level: "WARN", message: reason });
      await runtime.logs.flush();
      await releaseSubtask(runtime.deps, { taskId, subtaskId, attempt: claim.attempt, to: atBudget ? "PENDING" : "QUEUED", reason });
      throw deferral;
    }
    const reason = timeout.aborted ? `Timed out after ${runtime.profile.timeoutSeconds} s.` : describeModelError(error);
    // Claude or Baton's own Redis or PostgreSQL briefly out of reach: the attempt is retried.
    // Counted in PostgreSQL as well: a run after a stall or a follow-on's retry is not the job's first attempt.
    const attempt = Math.max(ctx.attempt, claim.attempt - claim.attemptBase);
    const final = attempt >= ctx.maxAttempts || !(timeout.aborted || isTransientModelError(error) || isInfrastructureError(error));
    runtime.logs.push(taskId, { ...who, kind: "ERROR", level: "ERROR", message: `Attempt ${claim.attempt} failed: ${reason}${final ? "" : " Retrying."}` });
    await runtime.logs.flush();
    await failSubtaskAttempt(runtime.deps, { taskId, subtaskId, attempt: claim.attempt, reason, final });
    throw final ? new PermanentError(reason) : error;
  }

  runtime.status.to("COMPLETING");
  runtime.logs.push(taskId, { ...who, kind: "STATUS", message: `Finished "${claim.title}".` });
  try {
    // The last lines are written alongside the result, in one round trip's time instead of two.
    const { followOn } = await completeSubtask(runtime.deps, {
      taskId,
      subtaskId,
      attempt: claim.attempt,
      result: finished,
      logsStored: runtime.logs.flush(),
      next: claim.next,
      lastCall: calls.held(),
      leaveRunning: (advancing) => runtime.background.add(advancing),
      // A stopping agent takes no next step.
      followOn: runtime.stopping() ? undefined : { agentId: runtime.agentId, profileId: runtime.profile.id, queue: runtime.deps.keys.agentQueue(runtime.profile.name) },
    });
    return followOn;
  } finally {
    // After the result is recorded, so a subtask waiting on one of these files sees the final version.
    await gate.release();
  }
}

type SubtaskForPrompt = Pick<SubtaskClaim, "title" | "instructions" | "taskPrompt" | "dependencies">;

export function subtaskPrompt(subtask: SubtaskForPrompt): string {
  const inputs = subtask.dependencies.map((dep) =>
    [`## Output of "${dep.title}"`, dep.summary ?? "(no summary)", dep.output ? `\`\`\`json\n${JSON.stringify(dep.output, null, 2)}\n\`\`\`` : ""].join("\n"),
  );
  return [`Subtask: ${subtask.title}`, `Instructions: ${subtask.instructions}`, `This is part of the task: ${subtask.taskPrompt}`, ...inputs].join("\n\n");
}
