// Writes the task's result: Claude synthesises the subtask outputs into markdown (and optional
// structured data) through the submit_result tool.
import { ZTaskResultSchema, type TaskResult } from "../../../server/contracts/plan";
import { saveTaskResult } from "../../../server/services/orchestration/finish-task";
import { runToolLoop } from "../../model/run-tool-loop";
import { toolDefinition } from "../../tools/tool-definitions";
import { PermanentError } from "../permanent-error";
import { modelFor, type AgentRuntime, type JobContext } from "../runtime";
import { streamCallbacks } from "./stream-callbacks";

export async function finalizeTask(runtime: AgentRuntime, ctx: JobContext<{ taskId: string }>): Promise<void> {
  const { db } = runtime.deps;
  const task = await db.task.findUnique({
    where: { id: ctx.payload.taskId },
    include: { subtasks: { orderBy: { index: "asc" }, select: { title: true, status: true, summary: true, output: true } } },
  });
  if (!task || task.status !== "FINALIZING") return;
  runtime.status.to("WORKING");

  let result: TaskResult | null = null;
  await runToolLoop({
    client: runtime.anthropic,
    model: modelFor(runtime),
    system: FINALIZER_SYSTEM,
    prompt: [
      `Task: ${task.prompt}`,
      ...task.subtasks.map((s) => `## ${s.title}\n${s.summary ?? `(${s.status.toLowerCase()}, no output)`}${s.output ? `\n${JSON.stringify(s.output)}` : ""}`),
    ].join("\n\n"),
    tools: [toolDefinition("submit_result")],
    maxTurns: 3,
    signal: ctx.signal,
    ...streamCallbacks(runtime, task.id, null),
    async execute(name, input) {
      const parsed = ZTaskResultSchema.safeParse(input);
      if (name !== "submit_result" || !parsed.success) return { content: "Call submit_result with non-empty markdown.", isError: true };
      result = parsed.data;
      return { content: "Result saved.", done: true };
    },
  });
  await runtime.logs.flush();
  if (!result) throw new PermanentError("The model did not submit a result.");
  runtime.status.to("COMPLETING");
  await saveTaskResult(runtime.deps, task.id, result);
}

const FINALIZER_SYSTEM = `You write the final result of a task that a fleet of agents worked on in parts.
Combine the subtask outputs into one clear markdown report for the person who asked, then call
submit_result once with the markdown and any structured data worth keeping.`;
