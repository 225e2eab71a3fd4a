// The account-wide rate-limit pause: when Claude says the account may not call again until a
// reset time, one Redis key holds that time and every agent checks it before claiming work and
// before each model call. The key expires at the reset, so the fleet resumes on its own.
import type { Redis } from "ioredis";
import { ZFleetPauseSchema, type FleetPauseMessage } from "../../contracts/realtime";

export type FleetPauseState = FleetPauseMessage;

// Keeps the later of two pauses: concurrent 429s from several agents never shorten a pause.
const EXTEND = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, parsed = pcall(cjson.decode, current)
  if ok and tonumber(parsed['until']) >= tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
return 1`;

export interface FleetPause {
  /** The pause in force, or null. */
  read(): Promise<FleetPauseState | null>;
  /** Pauses the fleet until `until` (epoch ms) unless a longer pause is already set; true when this one was stored. */
  pauseUntil(until: number, reason: string): Promise<boolean>;
}

export function createFleetPause(redis: Redis, key: string, now: () => number = Date.now): FleetPause {
  return {
    async read() {
      const raw = await redis.get(key);
      if (!raw) return null;
      const parsed = ZFleetPauseSchema.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.until > now() ? parsed.data : null;
    },
    async pauseUntil(until, reason) {
      if (until <= now()) return false;
      const stored = await redis.eval(EXTEND, 1, key, JSON.stringify({ until, reason } satisfies FleetPauseState), String(Math.ceil(until)));
      return stored === 1;
    },
  };
}

/**
 * A fleet pause whose reads reuse one made in the last `freshForMs`. An agent reads the pause
 * before it takes a job and again before the job's first model call, a few milliseconds apart: the
 * second read is the first one's answer. A pause set by another agent in between is still caught
 * by Claude's own 429 on that call. A pause this agent sets itself is seen at once.
 */
export function withRecentReads(pause: FleetPause, freshForMs: number, now: () => number = Date.now): FleetPause {
  let last: { at: number; value: Promise<FleetPauseState | null> } | null = null;
  return {
    read() {
      if (last && now() - last.at < freshForMs) {
        return last.value.then((value) => (value && value.until > now() ? value : null));
      }
      const current = { at: now(), value: pause.read() };
      last = current;
      // A failed read is not reused: the next one asks Redis again.
      current.value.catch(() => {
        if (last === current) last = null;
      });
      return current.value;
    },
    async pauseUntil(until, reason) {
      last = null;
      return pause.pauseUntil(until, reason);
    },
  };
}
