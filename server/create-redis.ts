// ioredis connections. BullMQ workers and blocking commands need maxRetriesPerRequest: null.
import { Redis } from "ioredis";

export function createRedis(url: string, purpose: "command" | "blocking" = "command"): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: purpose === "blocking" ? null : 3,
    enableReadyCheck: true,
  });
  // Without a listener ioredis prints unhandled errors; reconnection is automatic.
  redis.on("error", () => {});
  return redis;
}
