// Socket.IO checks access like the API: a connection needs a session cookie or an API token,
// a cookie from a foreign page is refused, and every room join checks the session again.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
