// ioredis connections. BullMQ workers and blocking commands need maxRetriesPerRequest: null.
// A "publish" connection pipelines the commands issued in one event-loop turn into one write
// (ioredis' auto-pipelining): a batch of log lines is one write instead of one per line. It is
// kept apart from BullMQ's connections, whose scripts are not written with that in mind.
// A "subscribe" connection skips the ready check: ioredis sends its INFO after a SUBSCRIBE
// issued while connecting, Redis refuses INFO in subscriber mode, and the connection then
// reconnects over and over without delivering a message (ioredis issue 2037).
import { Redis, type RedisOptions } from "ioredis";

export const SUBSCRIBER_OPTIONS = { enableReadyCheck: false, maxRetriesPerRequest: null } satisfies RedisOptions;

export function createRedis(url: string, purpose: "command" | "blocking" | "publish" | "subscribe" = "command"): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: purpose === "blocking" ? null : 3,
    enableReadyCheck: true,
    enableAutoPipelining: purpose === "publish",
    ...(purpose === "subscribe" ? SUBSCRIBER_OPTIONS : {}),
  });
  // Without a listener ioredis prints unhandled errors; reconnection is automatic.
  redis.on("error", () => {});
  return redis;
}
