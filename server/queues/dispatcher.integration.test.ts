// The dispatcher against a real Redis reached through a cuttable proxy: a queue whose first use
// failed because Redis went away works once Redis is back, in the same process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../create-redis";
import { redisKeys } from "../redis-keys";
import { startTcpProxy, throughProxy, type TcpProxy } from "../testing/tcp-proxy";
import { waitFor } from "../testing/test-deps";
import { createDispatcher, type Dispatcher } from "./dispatcher";

describe("dispatcher across a Redis outage", () => {
  let proxy: TcpProxy;
  let dispatcher: Dispatcher;
  const keys = redisKeys(`${process.env.BATON_REDIS_PREFIX}-dispatcher-outage`);
  const queueName = keys.agentQueue("analyst");
  const redis = () => createRedis(throughProxy(process.env.REDIS_URL!, proxy));

  beforeAll(async () => {
    const target = new URL(process.env.REDIS_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
  });

  afterAll(async () => {
    await dispatcher?.queue(queueName).obliterate({ force: true });
    await dispatcher?.close();
    await proxy.close();
  });

  it("enqueues again once Redis is back, after its first use failed in the outage", async () => {
    const connection = redis();
    await connection.ping();
    dispatcher = createDispatcher(connection, keys.bullPrefix);
    // Redis goes away while the connection still counts as ready: the queue's first round trip fails.
    proxy.cut();
    const payload = { taskId: "task-outage" };
    await expect(dispatcher.enqueue("plan", payload, { queue: queueName })).rejects.toThrow(/max retries per request/);

    await proxy.restore();
    await waitFor("an enqueue to succeed", () => dispatcher.enqueue("plan", payload, { queue: queueName }).then(() => true, () => false), 10_000);
    expect(await dispatcher.jobState(queueName, "plan", payload)).toBe("waiting");
  });
});
