// Socket.IO checks access like the API: a connection needs a session cookie or an API token,
// a cookie from a foreign page is refused, and every room join checks the session again.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRetryableRefusal } from "../contracts/realtime";
import { createPrisma } from "../db/create-prisma";
import { startTcpProxy, throughProxy } from "../testing/tcp-proxy";
import { createTestDeps, resetData } from "../testing/test-deps";
import { startTestRealtime, TEST_ORIGIN, type TestRealtime } from "../testing/test-realtime";
import { apiTokenFor, createUser, sessionCookieFor } from "../testing/test-users";

const deps = createTestDeps("realtime-access");
let realtime: TestRealtime;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  await resetData(deps);
  realtime = await startTestRealtime(deps);
  url = realtime.url;
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await realtime.close();
  await deps.close();
});

function open(options: { cookie?: string; token?: string; origin?: string }, serverUrl = url): Promise<{ socket: Socket; error?: string; retryable?: boolean }> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = connect(serverUrl, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: headers, auth: options.token ? { token: options.token } : {} });
  clients.push(socket);
  return new Promise((resolve) => {
    socket.on("connect", () => resolve({ socket }));
    socket.on("connect_error", (error) => resolve({ socket, error: error.message, retryable: isRetryableRefusal(error) }));
  });
}

const join = (socket: Socket, room: string) =>
  new Promise<{ ok: boolean; error?: string; retryable?: boolean }>((resolve) => socket.emit("subscribe", { room }, resolve));

describe("Socket.IO access", () => {
  it("refuses a connection without credentials", async () => {
    expect((await open({})).error).toMatch(/Sign in, or send an API token/);
  });

  it("accepts a session cookie from Baton's own origin, and refuses it from another page", async () => {
    const cookie = await sessionCookieFor(deps.db, await createUser(deps.db, "VIEWER"));
    expect((await open({ cookie, origin: TEST_ORIGIN })).error).toBeUndefined();
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

  it("drops a connection whose session ended or whose token was revoked, without waiting for its next room join", async () => {
    const quick = await startTestRealtime(deps, { recheckMs: 200 });
    try {
      const user = await createUser(deps.db, "MEMBER");
      const cookie = await sessionCookieFor(deps.db, user);
      const token = await apiTokenFor(deps.db, user, "READ");
      const viaSession = await open({ cookie, origin: TEST_ORIGIN }, quick.url);
      const viaToken = await open({ token }, quick.url);
      expect(await join(viaSession.socket, "tasks")).toEqual({ ok: true });
      expect(await join(viaToken.socket, "tasks")).toEqual({ ok: true });
      const dropped = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", resolve));
      const [sessionDropped, tokenDropped] = [dropped(viaSession.socket), dropped(viaToken.socket)];
      await deps.db.session.deleteMany({ where: { userId: user.id } });
      expect(await sessionDropped).toBe("io server disconnect");
      expect(viaToken.socket.connected).toBe(true);
      await deps.db.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
      expect(await tokenDropped).toBe("io server disconnect");
    } finally {
      await quick.close();
    }
  });

  it("answers a room join it could not check (its database away) as one to ask again, and keeps the connection", async () => {
    const token = await apiTokenFor(deps.db, await createUser(deps.db, "MEMBER"), "READ");
    const task = await deps.db.task.create({ data: { title: "followed", prompt: "p" } });
    const pg = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
    const db = createPrisma(throughProxy(process.env.DATABASE_URL!, proxy), { max: 1 });
    const server = await startTestRealtime({ ...deps, db });
    try {
      const { socket } = await open({ token }, server.url);
      proxy.cut();
      expect(await join(socket, `task:${task.id}`)).toEqual({ ok: false, error: "Could not check access to this room right now; try again.", retryable: true });
      expect(socket.connected).toBe(true);
      await proxy.restore();
      expect(await join(socket, `task:${task.id}`)).toEqual({ ok: true });
    } finally {
      await server.close();
      await db.$disconnect();
      await proxy.close();
    }
  });

  it("marks a refusal it could not decide (its database away) as one to retry, unlike a bad token", async () => {
    const token = await apiTokenFor(deps.db, await createUser(deps.db, "MEMBER"), "READ");
    const pg = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
    const db = createPrisma(throughProxy(process.env.DATABASE_URL!, proxy), { max: 1 });
    const withoutDatabase = await startTestRealtime({ ...deps, db });
    proxy.cut();
    try {
      expect(await open({ token }, withoutDatabase.url)).toMatchObject({ error: "Could not check this connection's credentials.", retryable: true });
      expect(await open({ token: "baton_not-a-real-token" })).toMatchObject({ retryable: false });
    } finally {
      await withoutDatabase.close();
      await db.$disconnect();
      await proxy.close();
    }
  });
});
