import Anthropic from "@anthropic-ai/sdk";
import { createSimServer, type SimServer } from "./create-sim-server";
import type { SimServerOptions } from "./sim-options";

export const MODEL = "claude-sim-1";

export interface TestSim {
  sim: SimServer;
  /** Retries are off unless a test asks for them, so an unexpected error fails fast. */
  client(options?: ConstructorParameters<typeof Anthropic>[0]): Anthropic;
}

export async function startTestSim(options: SimServerOptions = {}): Promise<TestSim> {
  const sim = await createSimServer({ port: 0, retryAfterMs: 20, ...options });
  return {
    sim,
    client: (overrides = {}) => new Anthropic({ apiKey: "sim", baseURL: sim.url, maxRetries: 0, ...overrides }),
  };
}

export const ACTING_TOOLS: Anthropic.Tool[] = [
  { name: "list_files", description: "List files", input_schema: { type: "object", properties: { path: { type: "string" } } } },
  {
    name: "read_file",
    description: "Read a file",
    input_schema: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
  },
  {
    name: "write_file",
    description: "Write a file",
    input_schema: { type: "object", properties: { path: { type: "string" }, content: { type: "string" } } },
  },
  {
    name: "run_command",
    description: "Run a shell command",
    input_schema: { type: "object", properties: { command: { type: "string" } }, required: ["command"] },
  },
  {
    name: "finish",
    description: "Report the subtask result",
    input_schema: { type: "object", properties: { summary: { type: "string" }, output: { type: "object" } } },
  },
];

export function toolNamed(name: string): Anthropic.Tool {
  return { name, description: name, input_schema: { type: "object", properties: {} } };
}
