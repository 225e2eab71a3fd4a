// A short recent history of each agent's CPU and resident memory, for the agents page's
// sparklines. The daemon that samples an agent appends to a capped Redis list; the list expires
// once the agent stops being sampled. Kept in Redis rather than in the browser so that a reload,
// a second viewer or another web replica sees the same minutes of history at once.
import type { Redis } from "ioredis";
import type { RedisKeys } from "../../redis-keys";

/** About two minutes at the default 2 s sampling interval. */
export const AGENT_SAMPLE_LIMIT = 60;
const EXPIRE_MS = 15 * 60_000;

export interface AgentSample {
  /** Epoch ms. */
  at: number;
  cpuPercent: number;
  rssBytes: number;
}

export interface AgentSamples {
  record(agentId: string, sample: AgentSample): Promise<void>;
  /** Oldest first, per agent (an agent without samples maps to an empty list). */
  read(agentIds: string[]): Promise<Map<string, AgentSample[]>>;
}

export function createAgentSamples(redis: Redis, keys: Pick<RedisKeys, "agentSamples">): AgentSamples {
  return {
    async record(agentId, sample) {
      const key = keys.agentSamples(agentId);
      await redis
        .multi()
        .rpush(key, JSON.stringify([sample.at, Math.round(sample.cpuPercent * 10) / 10, Math.round(sample.rssBytes)]))
        .ltrim(key, -AGENT_SAMPLE_LIMIT, -1)
        .pexpire(key, EXPIRE_MS)
        .exec();
    },
    async read(agentIds) {
      const series = new Map<string, AgentSample[]>();
      if (agentIds.length === 0) return series;
      const pipeline = redis.pipeline();
      for (const id of agentIds) pipeline.lrange(keys.agentSamples(id), 0, -1);
      const replies = (await pipeline.exec()) ?? [];
      agentIds.forEach((id, i) => {
        const [error, raw] = replies[i] ?? [null, []];
        const points = error ? [] : (raw as string[]).flatMap(parseSample);
        series.set(id, points);
      });
      return series;
    },
  };
}

function parseSample(raw: string): AgentSample[] {
  try {
    const [at, cpuPercent, rssBytes] = JSON.parse(raw) as unknown[];
    return typeof at === "number" && typeof cpuPercent === "number" && typeof rssBytes === "number" ? [{ at, cpuPercent, rssBytes }] : [];
  } catch {
    return [];
  }
}
