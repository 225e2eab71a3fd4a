// Refuses a production start on a Redis that could silently drop Baton's queues, locks and
// counters: one that keeps nothing on disk (no AOF, no RDB save points) or evicts keys under
// memory pressure. PostgreSQL stays the truth and the reconciler rebuilds jobs, but a Redis that
// evicts or restarts empty loses in-flight locks, pauses and approvals' waiting state meanwhile.
import type { Redis } from "ioredis";

export interface RedisPersistenceSettings {
  appendonly: string;
  /** RDB save points, e.g. "3600 1 300 100 60 10000"; empty when snapshots are off. */
  save: string;
  maxmemoryPolicy: string;
}

export const EPHEMERAL_REDIS_OVERRIDE = "BATON_ALLOW_EPHEMERAL_REDIS";

/** What is wrong with these settings, each with the exact change that fixes it (none: fine). */
export function redisDurabilityProblems(settings: RedisPersistenceSettings): string[] {
  const problems: string[] = [];
  const aof = settings.appendonly.trim().toLowerCase() === "yes";
  const rdb = settings.save.trim() !== "";
  if (!aof && !rdb) {
    problems.push(
      `persistence is off (appendonly is "${settings.appendonly}", save is empty): a restart loses every queue and lock. ` +
        `Turn on the append-only file: CONFIG SET appendonly yes, and "appendonly yes" in redis.conf ` +
        `(or RDB snapshots: CONFIG SET save "3600 1 300 100 60 10000").`,
    );
  }
  if (settings.maxmemoryPolicy.trim().toLowerCase() !== "noeviction") {
    problems.push(
      `maxmemory-policy is "${settings.maxmemoryPolicy}": under memory pressure Redis would evict queued jobs and locks. ` +
        `Set CONFIG SET maxmemory-policy noeviction, and "maxmemory-policy noeviction" in redis.conf.`,
    );
  }
  return problems;
}

export async function readRedisPersistence(redis: Redis): Promise<RedisPersistenceSettings> {
  const read = async (name: string) => {
    const reply = (await redis.call("CONFIG", "GET", name)) as string[];
    const index = reply.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === name);
    if (index < 0) throw new Error(`CONFIG GET ${name} returned nothing`);
    return reply[index + 1] ?? "";
  };
  const [appendonly, save, maxmemoryPolicy] = await Promise.all([read("appendonly"), read("save"), read("maxmemory-policy")]);
  return { appendonly, save, maxmemoryPolicy };
}

/** Where Redis runs, without the password, for messages. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? parsed.pathname : ""}`;
  } catch {
    return "the configured Redis";
  }
}

/**
 * The message that stops a production start, or null when the process may start: the settings
 * are durable, or the override is set. A Redis that refuses CONFIG (some managed services rename
 * it) cannot be checked, and the message says what to verify by hand.
 */
export function durabilityRefusal(input: { where: string; settings: RedisPersistenceSettings | Error; allowEphemeral: boolean }): string | null {
  if (input.allowEphemeral) return null;
  const override = `If losing Redis's contents is acceptable (a demo or a test), set ${EPHEMERAL_REDIS_OVERRIDE}=1 to start anyway.`;
  if (input.settings instanceof Error) {
    return (
      `Refusing to start: could not read the persistence settings of the Redis at ${input.where} (CONFIG GET: ${input.settings.message}). ` +
      `Make sure it has the append-only file or RDB snapshots on and maxmemory-policy noeviction, then allow CONFIG GET for Baton's user. ${override}`
    );
  }
  const problems = redisDurabilityProblems(input.settings);
  if (problems.length === 0) return null;
  return [`Refusing to start: the Redis at ${input.where} is not safe for production:`, ...problems.map((p) => `  - ${p}`), override].join("\n");
}

/** Checks the Redis a production process is about to use; returns the refusal, if any. */
export async function checkRedisDurability(redis: Redis, options: { url: string; allowEphemeral: boolean }): Promise<string | null> {
  if (options.allowEphemeral) return null;
  const settings = await readRedisPersistence(redis).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return durabilityRefusal({ where: describeRedisUrl(options.url), settings, allowEphemeral: false });
}
