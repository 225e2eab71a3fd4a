// The tools agents offer Claude: input schemas in zod (validated on every call) and the JSON
// schemas the API receives, generated from the same definitions.
import type Anthropic from "@anthropic-ai/sdk";
import { z } from "zod";
import { ZFinishSchema, ZPlanSchema, ZTaskResultSchema } from "../../server/contracts/plan";

export const TOOL_INPUTS = {
  list_files: z.object({ path: z.string().max(1000).optional() }),
  read_file: z.object({ path: z.string().min(1).max(1000) }),
  write_file: z.object({ path: z.string().min(1).max(1000), content: z.string().max(2_000_000) }),
  run_command: z.object({ command: z.string().min(1).max(10_000), timeoutSeconds: z.number().int().min(1).max(3600).optional() }),
  share_data: z.object({ key: z.string().min(1).max(200), value: z.unknown() }),
  get_shared_data: z.object({ key: z.string().min(1).max(200).optional() }),
  post_message: z.object({ text: z.string().min(1).max(4000) }),
  read_messages: z.object({ after: z.string().regex(/^\d{1,19}(-\d{1,19})?$/, "a message id, such as 1764590000000-0").optional() }),
  finish: ZFinishSchema,
  submit_plan: ZPlanSchema,
  submit_result: ZTaskResultSchema,
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;

const DESCRIPTIONS: Record<ToolName, string> = {
  list_files: "List files in the task workspace (recursive) with their sizes. Paths are relative to the workspace.",
  read_file: "Read a text file from the task workspace.",
  write_file: "Create or overwrite a file in the task workspace.",
  run_command: "Run a bash command in the task workspace. Returns the exit status and (capped) output.",
  share_data: "Store a JSON value under a key for the other subtasks of this task (they may run at the same time).",
  get_shared_data: "Read a value other subtasks of this task shared (one key, or all keys when none is given).",
  post_message: "Post a message to the other subtasks of this task; it also appears in the task's log.",
  read_messages: "Read messages other subtasks posted, oldest first; pass the last id you saw as `after` to get only new ones.",
  finish: "Finish the subtask: a short summary of what you did and found, and structured output for later subtasks.",
  submit_plan:
    "Submit the plan: subtasks with instructions, required capabilities (read, analyze, write, code, shell), dependencies by index of earlier subtasks, priority 1-10, and an estimate in seconds. Independent subtasks run in parallel.",
  submit_result: "Submit the task's final result as markdown, with optional structured data.",
};

const definitions = new Map<ToolName, Anthropic.Tool>();

/** The tool as the API receives it; built once per process (every model call sends it). */
export function toolDefinition(name: ToolName): Anthropic.Tool {
  let definition = definitions.get(name);
  if (!definition) {
    const schema = z.toJSONSchema(TOOL_INPUTS[name], { io: "input" }) as Record<string, unknown>;
    delete schema.$schema;
    definition = { name, description: DESCRIPTIONS[name], input_schema: schema as Anthropic.Tool.InputSchema };
    definitions.set(name, definition);
  }
  return definition;
}

export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(TOOL_INPUTS, name);
}
