// A subtask's model call for the benchmarks' references (bench:throughput's second reference and
// the graph references of bench:makespan and bench:dispatch), made the way an agent makes it: the
// SDK's stream through the tool loop, with the profile's system prompt and tools and a subtask's
// prompt carrying one dependency's output, against the simulated Claude, and nothing around it: no
// log lines, no live events, no budget or rate-limit checks, no usage rows beyond the reference's
// writes. It tells how much of a gap to a plain reference is the model call itself, which no
// orchestration can leave out.
import { createAnthropic } from "../../agent/model/create-anthropic";
import { runToolLoop } from "../../agent/model/run-tool-loop";
import { isToolName, toolDefinition } from "../../agent/tools/tool-definitions";
import { subtaskPrompt } from "../../agent/worker/handlers/run-subtask";
import type { Db } from "../../server/db/create-prisma";
import { GENERALIST_PROFILE } from "../../server/services/profiles/route-profile";
import { ZSharedEnvSchema } from "../../server/shared-env";

/** What the agents' calls were made with: the simulated Claude's address and the profile's settings. */
export interface ReferenceModel {
  simUrl: string;
  model: string;
  systemPrompt: string;
  allowedTools: string[];
  maxTurns: number;
}

/** The generalist profile's settings, as its agents call the model with them, against the simulated Claude at `simUrl`. */
export async function generalistModel(db: Db, simUrl: string): Promise<ReferenceModel> {
  const profile = await db.agentProfile.findUniqueOrThrow({ where: { name: GENERALIST_PROFILE } });
  const model = profile.model ?? ZSharedEnvSchema.parse(process.env).BATON_MODEL;
  return { simUrl, model, systemPrompt: profile.systemPrompt, allowedTools: profile.allowedTools, maxTurns: profile.maxTurns };
}

export function createReferenceModelCall(settings: ReferenceModel) {
  const client = createAnthropic({ simUrl: settings.simUrl, maxRetries: 0 });
  const tools = [...settings.allowedTools.filter(isToolName).map(toolDefinition), toolDefinition("finish")];
  /** `workMs`: the subtask's simulated work, spent by the simulated Claude in the call. */
  return async (jobId: string, workMs = 0): Promise<void> => {
    const prompt = subtaskPrompt({
      title: `Item ${jobId}`,
      instructions: `Cover item ${jobId} of the survey. [item=1]${workMs > 0 ? ` [sim:work=${workMs}]` : ""} [sim:instant]`,
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
