// ioredis connections. BullMQ workers and blocking commands need maxRetriesPerRequest: null.
// A "publish" connection pipelines the commands issued in one event-loop turn into one write
// (ioredis' auto-pipelining): a batch of log lines is one write instead of one per line. It is
// kept apart from BullMQ's connections, whose scripts are not written with that in mind.
import { Redis } from "ioredis";

export function createRedis(url: string, purpose: "command" | "blocking" | "publish" = "command"): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: purpose === "blocking" ? null : 3,
    enableReadyCheck: true,
    enableAutoPipelining: purpose === "publish",
  });
  // Without a listener ioredis prints unhandled errors; reconnection is automatic.
  redis.on("error", () => {});
  return redis;
}
