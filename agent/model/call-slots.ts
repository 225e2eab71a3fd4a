// A fleet-wide cap on simultaneous model calls per agent profile: a Redis sorted set of slot
// holders scored by their lease's expiry. A holder renews its lease while its call runs, so a
// killed agent's slot frees itself when the lease runs out instead of leaking.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

export interface CallSlotsOptions {
  /** How long a slot stays held without renewal (a dead holder's slot frees after this). */
  leaseMs: number;
  /** How often a waiting caller tries again. */
  pollMs: number;
}

export interface CallSlots {
  /** Waits for a free slot of `group` (at most `limit` held at once); returns the release. */
  acquire(group: string, limit: number, signal: AbortSignal): Promise<() => Promise<void>>;
}

export function createCallSlots(redis: Redis, keyFor: (group: string) => string, options: CallSlotsOptions): CallSlots {
  return {
    async acquire(group, limit, signal) {
      const key = keyFor(group);
      const holder = randomUUID();
      for (;;) {
        signal.throwIfAborted();
        const now = Date.now();
        const got = await redis.eval(ACQUIRE, 1, key, String(now), String(limit), String(now + options.leaseMs), holder, String(options.leaseMs * 2));
        if (got === 1) break;
        // Rejects with the abort's own reason, so callers can tell a cancel from a timeout.
        await sleep(options.pollMs, undefined, { signal }).catch((error: unknown) => {
          signal.throwIfAborted();
          throw error;
        });
      }
      const renew = setInterval(() => void redis.zadd(key, "XX", Date.now() + options.leaseMs, holder).catch(() => {}), Math.max(50, options.leaseMs / 3));
      renew.unref();
      return async () => {
        clearInterval(renew);
        await redis.zrem(key, holder).catch(() => {});
      };
    },
  };
}
