// Plans a task: Claude proposes subtasks through the submit_plan tool; an invalid plan is sent
// back once with the validation error, a second invalid plan fails the task with that error.
import type { Plan } from "../../../server/contracts/plan";
import { failTask } from "../../../server/services/orchestration/finish-task";
import { savePlan } from "../../../server/services/orchestration/save-plan";
import { validatePlan } from "../../../server/services/orchestration/validate-plan";
import { listFiles } from "../../tools/file-tools";
import { toolDefinition } from "../../tools/tool-definitions";
import { runToolLoop } from "../../model/run-tool-loop";
import { modelFor, type AgentRuntime, type JobContext } from "../runtime";
import { ensureWorkspace } from "../workspace";
import { streamCallbacks } from "./stream-callbacks";

const MAX_PLAN_SUBMISSIONS = 2;

export async function planTask(runtime: AgentRuntime, ctx: JobContext<{ taskId: string }>): Promise<void> {
  const { db } = runtime.deps;
  const task = await db.task.findUnique({ where: { id: ctx.payload.taskId } });
  if (!task || task.status !== "PLANNING") return;
  runtime.status.to("WORKING");

  const workspace = await ensureWorkspace(runtime.workspaces, task.id);
  const files = await listFiles(workspace);
  const profiles = await db.agentProfile.findMany({ select: { name: true, capabilities: true, description: true } });

  let plan: Plan | null = null;
  let rejections = 0;
  let lastError = "";
  const result = await runToolLoop({
    client: runtime.anthropic,
    model: modelFor(runtime),
    system: PLANNER_SYSTEM,
    prompt: [
      `Task: ${task.prompt}`,
      `Workspace files:\n${files.map((f) => `- ${f.path} (${f.type === "file" ? `${f.size} bytes` : "dir"})`).join("\n") || "(empty)"}`,
      `Agent profiles and their capabilities:\n${profiles.map((p) => `- ${p.name}: ${p.capabilities.join(", ")} — ${p.description}`).join("\n")}`,
    ].join("\n\n"),
    tools: [toolDefinition("submit_plan")],
    maxTurns: MAX_PLAN_SUBMISSIONS + 1,
    signal: ctx.signal,
    ...streamCallbacks(runtime, task.id, null),
    async execute(name, input) {
      if (name !== "submit_plan") return { content: "Only submit_plan is available while planning.", isError: true };
      const validation = validatePlan(input);
      if (validation.ok) {
        plan = validation.plan;
        return { content: `Plan accepted: ${validation.plan.subtasks.length} subtasks.`, done: true };
      }
      rejections++;
      lastError = validation.error;
      const retry = rejections < MAX_PLAN_SUBMISSIONS;
      return { content: `The plan is invalid: ${validation.error}${retry ? " Fix it and call submit_plan again." : ""}`, isError: true, done: !retry };
    },
  });

  await runtime.logs.flush();
  runtime.status.to("COMPLETING");
  if (plan) {
    await savePlan(runtime.deps, task.id, plan, { defaultModel: runtime.defaultModel });
    return;
  }
  const reason =
    rejections >= MAX_PLAN_SUBMISSIONS
      ? `Planning failed: the model returned an invalid plan twice. Last error: ${lastError}`
      : `Planning failed: the model did not submit a plan (${result.kind}).`;
  await failTask(runtime.deps, task.id, reason, ["PLANNING"]);
}

const PLANNER_SYSTEM = `You are the planner of Baton, which runs a task on a fleet of Claude agents in parallel.
Split the task into subtasks that agents can do independently, with dependencies only where one
subtask needs another's output. Prefer parallel branches joined by a final subtask. Each subtask
names the capabilities it needs. Call submit_plan exactly once with the whole plan.`;
