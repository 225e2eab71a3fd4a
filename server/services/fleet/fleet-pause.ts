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
