// Tells running agents to abort a task's work (cancel, task timeout) over Redis pub/sub.
import type { Redis } from "ioredis";
import { z } from "zod";

const ZAbortMessageSchema = z.object({ taskId: z.string(), reason: z.string() });
export type AbortMessage = z.infer<typeof ZAbortMessageSchema>;

export interface TaskSignals {
  abort(taskId: string, reason: string): Promise<void>;
}

export function createTaskSignals(redis: Redis, channel: string): TaskSignals {
  return {
    async abort(taskId, reason) {
      await redis.publish(channel, JSON.stringify({ taskId, reason } satisfies AbortMessage));
    },
  };
}

/** Subscribes on a dedicated connection (a subscribed ioredis client can run no other command). */
export async function onTaskAbort(subscriber: Redis, channel: string, handler: (message: AbortMessage) => void): Promise<void> {
  subscriber.on("message", (received: string, raw: string) => {
    if (received !== channel) return;
    const parsed = ZAbortMessageSchema.safeParse(JSON.parse(raw));
    if (parsed.success) handler(parsed.data);
  });
  await subscriber.subscribe(channel);
}
