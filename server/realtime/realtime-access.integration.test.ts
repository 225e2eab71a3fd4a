// Socket.IO checks access like the API: a connection needs a session cookie or an API token,
// a cookie from a foreign page is refused, and every room join checks the session again.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../create-redis";
import { createTestDeps, resetData } from "../testing/test-deps";
import { apiTokenFor, createUser, sessionCookieFor } from "../testing/test-users";
import { createRealtime, type RealtimeServer } from "./create-realtime";

const ORIGIN = "http://baton.test";
const deps = createTestDeps("realtime-access");
let httpServer: HttpServer;
let io: RealtimeServer;
let url: string;
const clients: Socket[] = [];
let pubClient: Redis;
let subClient: Redis;

beforeAll(async () => {
  await resetData(deps);
  pubClient = createRedis(process.env.REDIS_URL!);
  subClient = pubClient.duplicate();
  httpServer = createServer();
  io = createRealtime(httpServer, {
    pubClient,
    subClient,
    socketIoKey: deps.keys.socketIoKey,
    db: deps.db,
    rateLimits: deps.rateLimits,
    allowedOrigin: ORIGIN,
    clientAddress: (socket) => socket.handshake.address,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await io.close();
  await pubClient.quit();
  await subClient.quit();
  await deps.close();
});

function open(options: { cookie?: string; token?: string; origin?: string }): Promise<{ socket: Socket; error?: string }> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: headers, auth: options.token ? { token: options.token } : {} });
  clients.push(socket);
  return new Promise((resolve) => {
    socket.on("connect", () => resolve({ socket }));
    socket.on("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

const join = (socket: Socket, room: string) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("subscribe", { room }, resolve));

describe("Socket.IO access", () => {
  it("refuses a connection without credentials", async () => {
    expect((await open({})).error).toMatch(/Sign in, or send an API token/);
  });

  it("accepts a session cookie from Baton's own origin, and refuses it from another page", async () => {
    const cookie = await sessionCookieFor(deps.db, await createUser(deps.db, "VIEWER"));
    expect((await open({ cookie, origin: ORIGIN })).error).toBeUndefined();
    expect((await open({ cookie, origin: "https://evil.example" })).error).toMatch(/cross-origin request from https:\/\/evil\.example/);
  });

  it("accepts a valid API token and refuses a revoked one", async () => {
    const user = await createUser(deps.db, "MEMBER");
    expect((await open({ token: await apiTokenFor(deps.db, user, "READ") })).error).toBeUndefined();
    const revoked = await apiTokenFor(deps.db, user, "READ", { revokedAt: new Date() });
    expect((await open({ token: revoked })).error).toBe("The API token has been revoked.");
  });

  it("joins existing tasks only, and stops joining once the session has ended", async () => {
    const user = await createUser(deps.db, "VIEWER");
    const cookie = await sessionCookieFor(deps.db, user);
    const task = await deps.db.task.create({ data: { title: "t", prompt: "p" } });
    const { socket } = await open({ cookie });
    expect(await join(socket, `task:${task.id}`)).toEqual({ ok: true });
    expect(await join(socket, "task:does-not-exist")).toEqual({ ok: false, error: 'No task with id "does-not-exist".' });

    await deps.db.session.deleteMany({ where: { userId: user.id } });
    expect(await join(socket, "fleet")).toEqual({ ok: false, error: "Your session has ended; sign in again." });
  });
});
