// Tells running agents to abort a task's work (cancel, failure, task timeout) over Redis pub/sub,
// and lets the one who aborts wait until the agents that held its subtasks have stored their
// last lines, so the closing line written next is the log's last.
import type { Redis } from "ioredis";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { RedisKeys } from "../redis-keys";

const ZAbortMessageSchema = z.object({ taskId: z.string(), reason: z.string() });
export type AbortMessage = z.infer<typeof ZAbortMessageSchema>;

/** How long an abort waits for the agents' word; an agent that died never gives it. */
const STOP_WAIT_MS = 3000;
const STOP_POLL_MS = 20;
/** The agents' answers outlive any wait for them. */
const STOPPED_TTL_MS = 60_000;

export interface TaskSignals {
  /**
   * Tells every agent to stop the task's work. With `agentIds` (the agents holding its running
   * subtasks), resolves once each of them has said `stopped`, or after STOP_WAIT_MS; returns
   * the ones that did not answer.
   */
  abort(taskId: string, reason: string, agentIds?: readonly string[]): Promise<string[]>;
  /** An agent's word that its aborted work on the task has ended and its lines are stored. */
  stopped(taskId: string, agentId: string): Promise<void>;
}

export function createTaskSignals(redis: Redis, keys: Pick<RedisKeys, "cancelChannel" | "taskStopped">): TaskSignals {
  return {
    async abort(taskId, reason, agentIds = []) {
      const answers = keys.taskStopped(taskId);
      // A task retried after an earlier abort must not count that abort's answers.
      await redis
        .multi()
        .del(answers)
        .publish(keys.cancelChannel, JSON.stringify({ taskId, reason } satisfies AbortMessage))
        .exec();
      if (agentIds.length === 0) return [];
      const waitingFor = [...new Set(agentIds)];
      const deadline = Date.now() + STOP_WAIT_MS;
      for (;;) {
        const answered = new Set(await redis.smembers(answers));
        const silent = waitingFor.filter((agentId) => !answered.has(agentId));
        if (silent.length === 0 || Date.now() >= deadline) return silent;
        await sleep(STOP_POLL_MS);
      }
    },
    async stopped(taskId, agentId) {
      const answers = keys.taskStopped(taskId);
      await redis.multi().sadd(answers, agentId).pexpire(answers, STOPPED_TTL_MS).exec();
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
