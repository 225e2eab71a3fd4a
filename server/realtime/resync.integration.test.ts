// Redis pub/sub keeps nothing: events published while the web server's subscription is cut are
// lost although browsers stay connected. Once the subscription is back, every socket is told to
// resync, and live events already flow again by then. A starting server waits for its
// subscription before it accepts sockets.
import { createServer } from "node:http";
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEventMessage } from "../contracts/realtime";
import { startTcpProxy, throughProxy } from "../testing/tcp-proxy";
import { createTestDeps, resetData } from "../testing/test-deps";
import { startTestRealtime, testRealtimeDeps, type TestRealtime } from "../testing/test-realtime";
import { createRealtime, untilSubscribed } from "./create-realtime";
import { createUser, sessionCookieFor } from "../testing/test-users";

const deps = createTestDeps("resync");
let realtime: TestRealtime;
let socket: Socket;
let taskId: string;

beforeAll(async () => {
  await resetData(deps);
  realtime = await startTestRealtime(deps);
  const user = await createUser(deps.db, "MEMBER");
  taskId = (await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING", createdById: user.id } })).id;
  socket = connect(realtime.url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: { cookie: await sessionCookieFor(deps.db, user) } });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit("subscribe", { room: `task:${taskId}` }, resolve));
  expect(joined.ok).toBe(true);
});

afterAll(async () => {
  socket.disconnect();
  await realtime.close();
  await deps.close();
});

const line = (seq: number): LogEventMessage => ({
  taskId,
  seq,
  subtaskId: null,
  agentId: null,
  kind: "TEXT",
  level: "INFO",
  message: `line ${seq}`,
  data: null,
  createdAt: new Date().toISOString(),
});

const nextLog = () => new Promise<LogEventMessage>((resolve) => socket.once("log", resolve));

async function subscriberConnectionId(): Promise<string> {
  const list = (await deps.redis.call("CLIENT", "LIST", "TYPE", "pubsub")) as string;
  const entry = list.split("\n").find((row) => row.includes(` name=${realtime.subscriberName} `));
  const id = entry?.match(/^id=(\d+)/)?.[1];
  if (!id) throw new Error(`no pub/sub connection named ${realtime.subscriberName}`);
  return id;
}

describe("after the server's Redis subscription is cut", () => {
  it("tells its connected sockets to resync, once live events flow again", async () => {
    const first = nextLog();
    deps.publisher.logs([line(1)]);
    expect((await first).seq).toBe(1);

    let disconnected = false;
    socket.once("disconnect", () => (disconnected = true));
    const resync = new Promise<void>((resolve) => socket.once("resync", () => resolve()));
    await deps.redis.call("CLIENT", "KILL", "ID", await subscriberConnectionId());
    await resync;

    // No waiting after the resync: a line published now arrives live.
    const after = nextLog();
    deps.publisher.logs([line(3)]);
    expect((await after).seq).toBe(3);
    expect(disconnected).toBe(false);
  });
});

describe("a starting server", () => {
  const realtimeDeps = (subClient: Redis) => testRealtimeDeps(deps, { pubClient: deps.redis, subClient });

  async function patternSubscribers(name: string): Promise<number> {
    const list = (await deps.redis.call("CLIENT", "LIST", "TYPE", "pubsub")) as string;
    const entry = list.split("\n").find((row) => row.includes(` name=${name} `));
    return Number(entry?.match(/ psub=(\d+)/)?.[1] ?? 0);
  }

  it("knows when its adapter's subscription is in place, so it accepts sockets only after", async () => {
    const name = `baton-test-starting-${process.pid}`;
    const subClient = new Redis(process.env.REDIS_URL!, { connectionName: name });
    const io = createRealtime(createServer(), realtimeDeps(subClient));
    try {
      expect(await untilSubscribed(subClient, 5000)).toBe(true);
      expect(await patternSubscribers(name)).toBe(1);
    } finally {
      await io.close();
      await subClient.quit();
    }
  });

  it("stops waiting when Redis does not answer", async () => {
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(process.env.REDIS_URL!).port || 6379) });
    proxy.cut();
    const subClient = new Redis(throughProxy(process.env.REDIS_URL!, proxy));
    subClient.on("error", () => {});
    const io = createRealtime(createServer(), realtimeDeps(subClient));
    try {
      expect(await untilSubscribed(subClient, 300)).toBe(false);
    } finally {
      await io.close();
      subClient.disconnect();
      await proxy.close();
    }
  });
});
