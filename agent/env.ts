// Configuration of the agent daemon and the agent processes, parsed once at start.
import { z } from "zod";
import { optional, ZSharedEnvSchema } from "../server/shared-env";
import { DAEMON_DEFAULTS } from "./daemon/config/config-schema";
import { ZReachableRanges } from "./tools/network-fence";

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const ZAgentEnvSchema = ZSharedEnvSchema.extend({
  // Set by the daemon from its configuration (agent/daemon/config); the defaults are the same.
  BATON_WORKSPACES: z.string().default(DAEMON_DEFAULTS.paths.workspaces),
  BATON_WORKSPACE_SEED: z.string().default(DAEMON_DEFAULTS.paths.workspaceSeed),
  BATON_SIM_URL: optional(z.url()),
  BATON_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SIM_FIRST_TOKEN_DELAY_MS: ms(120),
  SIM_TOKEN_DELAY_MS: ms(8),
  BATON_HEARTBEAT_INTERVAL_MS: ms(DAEMON_DEFAULTS.intervals.heartbeat),
  /**
   * How long an agent's lock on its BullMQ job lasts; BullMQ renews it every half of that. When an
   * agent dies, the daemon hands its subtask back at once, and the reconciler frees the jobs of
   * agents whose daemon died; a lock that expires (stall detection) is the backstop for the rest,
   * after at most this plus the stalled interval (15 s). Much shorter, and a live agent whose
   * event loop is held up for half of it on a busy host loses its job to a second agent — an
   * extra run (never a second result: results are fenced by attempt).
   */
  BATON_LOCK_DURATION_MS: ms(10_000),
  /** How often each agent's worker looks for jobs whose lock expired (see above). */
  BATON_STALLED_INTERVAL_MS: ms(5000),
  BATON_COMMAND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How long a subtask waits for another subtask to finish with a file before its write is refused. */
  BATON_WRITE_LOCK_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Retries of one model call on 429/529/5xx, by the SDK; the only retry loop for those (see ARCHITECTURE.md). */
  BATON_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** A rate-limit reset further away than this hands the job back to the queue instead of waiting in the call. */
  BATON_RATE_LIMIT_INLINE_WAIT_MS: ms(30_000),
  BATON_ALLOW_UNSANDBOXED_COMMANDS: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
  /**
   * Private ranges and host addresses that commands allowed the network may reach all the same,
   * comma-separated (10.1.0.0/16, 192.168.1.20): an internal registry, say. See network-fence.ts.
   */
  BATON_COMMAND_REACHABLE: ZReachableRanges,
  BATON_AGENT_ID: z.string().optional(),
  BATON_PROFILE: z.string().optional(),
});

export type AgentEnv = z.infer<typeof ZAgentEnvSchema>;

export function parseAgentEnv(source: NodeJS.ProcessEnv = process.env): AgentEnv {
  const parsed = ZAgentEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
