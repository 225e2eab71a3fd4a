// The throughput benchmark's second reference: each job also makes a subtask's model call the way
// an agent makes it — the SDK's stream through the tool loop, with the profile's system prompt and
// tools and a subtask's prompt carrying one dependency's output — against the simulated Claude,
// and nothing around it: no log lines, no live events, no budget or rate-limit checks, no usage
// rows beyond the reference's writes. It tells how much of the gap to the plain reference is the
// model call itself, which no orchestration can leave out.
import { createAnthropic } from "../../agent/model/create-anthropic";
import { runToolLoop } from "../../agent/model/run-tool-loop";
import { isToolName, toolDefinition } from "../../agent/tools/tool-definitions";
import { subtaskPrompt } from "../../agent/worker/handlers/run-subtask";

/** What the agents' calls were made with: the simulated Claude's address and the profile's settings. */
export interface ReferenceModel {
  simUrl: string;
  model: string;
  systemPrompt: string;
  allowedTools: string[];
  maxTurns: number;
}

export function createReferenceModelCall(settings: ReferenceModel) {
  const client = createAnthropic({ simUrl: settings.simUrl, maxRetries: 0 });
  const tools = [...settings.allowedTools.filter(isToolName).map(toolDefinition), toolDefinition("finish")];
  return async (jobId: string): Promise<void> => {
    const prompt = subtaskPrompt({
      title: `Item ${jobId}`,
      instructions: `Cover item ${jobId} of the survey. [item=1] [sim:instant]`,
      taskPrompt: "Throughput benchmark task [sim:wide=8] [sim:instant]",
      dependencies: [{ title: "Survey", summary: "Surveyed the workspace: 8 items to cover.", output: { items: 8 } }],
    });
    let finished = false;
    await runToolLoop({
      client,
      model: settings.model,
      system: settings.systemPrompt,
      prompt,
      tools,
      maxTurns: settings.maxTurns,
      signal: AbortSignal.timeout(30_000),
      onText: () => {},
      async execute(name) {
        if (name !== "finish") return { content: `${name} is not available here.`, isError: true };
        finished = true;
        return { content: "Subtask finished.", done: true };
      },
    });
    if (!finished) throw new Error(`reference job ${jobId}: the simulated Claude did not call finish`);
  };
}
