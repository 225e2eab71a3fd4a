// The daemon's settings as one zod schema: fleet sizes, host limits, intervals, paths and the
// management API. Every layer (defaults, baton.config.yaml, environment, flags) is merged into
// one object first and validated here once, so a bad value fails the same way wherever it came from.
import path from "node:path";
import { z } from "zod";

const projectRoot = path.resolve(import.meta.dirname, "..", "..", "..");
const UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Milliseconds as a number, or a duration such as "500ms", "30s", "2m" (nicer to read in YAML). */
export function parseDurationMs(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!match) return value;
  return Math.round(Number(match[1]) * UNITS_MS[(match[2] ?? "ms") as keyof typeof UNITS_MS]);
}

const duration = (minMs: number) =>
  z.preprocess(parseDurationMs, z.number({ error: 'expected milliseconds or a duration such as "30s"' }).int().min(minMs, `must be at least ${minMs} ms`));
const count = (max: number) => z.coerce.number().int().min(0).max(max);

export const ZProfileFleetSchema = z
  .object({ minAgents: count(256).optional(), maxAgents: count(256).optional() })
  .strict()
  .refine((p) => p.minAgents === undefined || p.maxAgents === undefined || p.minAgents <= p.maxAgents, "minAgents must not exceed maxAgents");

export const ZDaemonConfigSchema = z
  .object({
    fleet: z
      .object({
        /** Agent processes this host runs at most, over all profiles. */
        maxAgents: z.coerce.number().int().min(1).max(256),
        /** Per-profile overrides of the minAgents/maxAgents stored with the profile. */
        profiles: z.record(z.string().regex(/^[a-z0-9-]+$/, "profile names are lowercase letters, digits and dashes"), ZProfileFleetSchema),
      })
      .strict(),
    host: z
      .object({
        /** No agent is started while less memory than this is available. */
        minFreeMemoryMb: count(1_048_576),
        /** No agent is started while the 1-minute load average per CPU core is above this. */
        maxLoadPerCore: z.coerce.number().positive(),
      })
      .strict(),
    intervals: z
      .object({
        heartbeat: duration(50),
        /** How often CPU and memory of every agent (and its children) are sampled and limits enforced. */
        sample: duration(100),
        /**
         * How often the reconciler repairs from PostgreSQL: jobs lost with Redis (a restart without
         * its file, FLUSHALL) and jobs of agents whose daemon died. It bounds how long work waits
         * after such a loss; each pass reads the open tasks, so much shorter costs queries for little.
         */
        reconcile: duration(100),
        autoscale: duration(100),
        /** An agent idle this long may be retired while its profile is above its minimum. */
        cooldown: duration(0),
      })
      .strict(),
    paths: z.object({ workspaces: z.string().min(1), workspaceSeed: z.string().min(1) }).strict(),
    api: z
      .object({
        /** Loopback port of the management API; 0 picks a free one. */
        port: z.coerce.number().int().min(0).max(65535),
        /** Bearer token the API requires; without one the API stays off. */
        token: z.string().min(16, "must be at least 16 characters").optional(),
      })
      .strict(),
  })
  .strict();

export type DaemonConfig = z.infer<typeof ZDaemonConfigSchema>;

export const DAEMON_DEFAULTS: DaemonConfig = {
  fleet: { maxAgents: 4, profiles: {} },
  host: { minFreeMemoryMb: 256, maxLoadPerCore: 8 },
  intervals: { heartbeat: 1000, sample: 2000, reconcile: 5000, autoscale: 2000, cooldown: 60_000 },
  paths: { workspaces: path.join(projectRoot, ".baton", "workspaces"), workspaceSeed: path.join(projectRoot, "agent", "workspace-seed") },
  api: { port: 7071 },
};
