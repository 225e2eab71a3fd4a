// Task-scoped coordination for concurrent subtasks, kept in Redis: a shared key/value map
// (share_data / get_shared_data) and a message channel (post_message / read_messages).
// Both expire a week after their last write.
import type { Redis } from "ioredis";
import type { RedisKeys } from "../../server/redis-keys";

const TTL_SECONDS = 7 * 24 * 3600;
const MAX_MESSAGES = 1000;
const READ_LIMIT = 100;

export interface TaskMessage {
  id: string;
  from: string;
  text: string;
}

export interface TaskCoordination {
  share(taskId: string, key: string, value: unknown): Promise<void>;
  get(taskId: string, key?: string): Promise<Record<string, unknown>>;
  post(taskId: string, message: { from: string; text: string }): Promise<string>;
  read(taskId: string, afterId?: string): Promise<TaskMessage[]>;
}

export function createTaskCoordination(redis: Redis, keys: Pick<RedisKeys, "taskSharedData" | "taskMessages">): TaskCoordination {
  const dataKey = keys.taskSharedData;
  const messagesKey = keys.taskMessages;

  return {
    async share(taskId, key, value) {
      await redis.multi().hset(dataKey(taskId), key, JSON.stringify(value)).expire(dataKey(taskId), TTL_SECONDS).exec();
    },
    async get(taskId, key) {
      if (key !== undefined) {
        const raw = await redis.hget(dataKey(taskId), key);
        return raw === null ? {} : { [key]: JSON.parse(raw) as unknown };
      }
      const all = await redis.hgetall(dataKey(taskId));
      return Object.fromEntries(Object.entries(all).map(([name, raw]) => [name, JSON.parse(raw) as unknown]));
    },
    async post(taskId, message) {
      const [[, id]] = (await redis
        .multi()
        .xadd(messagesKey(taskId), "MAXLEN", "~", MAX_MESSAGES, "*", "from", message.from, "text", message.text)
        .expire(messagesKey(taskId), TTL_SECONDS)
        .exec()) as [[Error | null, string]];
      return id;
    },
    async read(taskId, afterId) {
      const entries = await redis.xrange(messagesKey(taskId), afterId ? `(${afterId}` : "-", "+", "COUNT", READ_LIMIT);
      return entries.map(([id, fields]) => {
        // Names sit at even places, values at odd ones: a value that reads "text" is not a name.
        const field = (name: string) => fields.find((_, i) => i % 2 === 1 && fields[i - 1] === name) ?? "";
        return { id, from: field("from"), text: field("text") };
      });
    },
  };
}
