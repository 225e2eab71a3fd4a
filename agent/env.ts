// Configuration of the agent daemon and the agent processes, parsed once at start.
import path from "node:path";
import { z } from "zod";
import { optional, ZSharedEnvSchema } from "../server/shared-env";

const projectRoot = path.resolve(import.meta.dirname, "..");
const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const ZAgentEnvSchema = ZSharedEnvSchema.extend({
  BATON_MAX_AGENTS: z.coerce.number().int().min(1).max(256).default(4),
  BATON_WORKSPACES: z.string().default(path.join(projectRoot, ".baton", "workspaces")),
  BATON_WORKSPACE_SEED: z.string().default(path.join(projectRoot, "agent", "workspace-seed")),
  BATON_SIM_URL: optional(z.url()),
  BATON_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SIM_FIRST_TOKEN_DELAY_MS: ms(120),
  SIM_TOKEN_DELAY_MS: ms(8),
  BATON_HEARTBEAT_INTERVAL_MS: ms(1000),
  BATON_MONITOR_INTERVAL_MS: ms(2000),
  BATON_RECONCILE_INTERVAL_MS: ms(5000),
  BATON_LOCK_DURATION_MS: ms(10_000),
  BATON_STALLED_INTERVAL_MS: ms(5000),
  BATON_COMMAND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How long a subtask waits for another subtask to finish with a file before its write is refused. */
  BATON_WRITE_LOCK_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  BATON_ALLOW_UNSANDBOXED_COMMANDS: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
  BATON_AGENT_ID: z.string().optional(),
  BATON_PROFILE: z.string().optional(),
});

export type AgentEnv = z.infer<typeof ZAgentEnvSchema>;

export function parseAgentEnv(source: NodeJS.ProcessEnv = process.env): AgentEnv {
  const parsed = ZAgentEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
