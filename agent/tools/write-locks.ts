// Per-(task, path) write locks in Redis. Concurrent subtasks of a task share its workspace; the
// first to write a path holds it until that subtask ends, so another subtask's write cannot
// silently overwrite it. A lock expires on its own, so a killed agent's locks die with it.
import type { Redis } from "ioredis";
import type { RedisKeys } from "../../server/redis-keys";

// Take the lock when it is free or already ours (extending it); otherwise name the holder.
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false`;

// Delete only locks this subtask still holds: an expired lock may since belong to another.
const RELEASE = `
local released = 0
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then released = released + redis.call('DEL', key) end
end
return released`;

export interface WriteLocks {
  /** Takes or extends the lock; returns null when taken, else the subtask id holding it. */
  acquire(taskId: string, path: string, subtaskId: string, ttlSeconds: number): Promise<string | null>;
  release(taskId: string, paths: Iterable<string>, subtaskId: string): Promise<number>;
}

export function createWriteLocks(redis: Redis, keys: Pick<RedisKeys, "taskWriteLock">): WriteLocks {
  return {
    async acquire(taskId, path, subtaskId, ttlSeconds) {
      const holder = (await redis.eval(ACQUIRE, 1, keys.taskWriteLock(taskId, path), subtaskId, Math.max(1, Math.ceil(ttlSeconds)))) as string | null;
      return holder ?? null;
    },
    async release(taskId, paths, subtaskId) {
      const lockKeys = [...paths].map((path) => keys.taskWriteLock(taskId, path));
      if (lockKeys.length === 0) return 0;
      return (await redis.eval(RELEASE, lockKeys.length, ...lockKeys, subtaskId)) as number;
    },
  };
}
