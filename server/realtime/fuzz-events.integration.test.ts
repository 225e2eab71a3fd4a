// Generated invalid and hostile traffic at the Socket.IO server: every event it accepts
// (subscribe, unsubscribe) with wrong types, odd and huge strings, prototype-polluting keys, deep
// nesting, a missing or non-function acknowledgement; events it does not know, named like
// Object.prototype's members; and handshakes with hostile credentials. Every acknowledgement is
// a clear refusal (or a join of a real room), the server stays up and keeps serving the same
// socket, nothing leaks onto Object.prototype, and the database is unchanged.
import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableChecksums } from "../testing/db-checksum";
import { DANGEROUS_KEYS, hostileString, hostileValue, ownObject } from "../testing/hostile-input";
import { createTestDeps, resetData } from "../testing/test-deps";
import { startTestRealtime, type TestRealtime } from "../testing/test-realtime";
import { createUser, sessionCookieFor } from "../testing/test-users";

const SEED = 20_261_129;
const deps = createTestDeps("fuzz-events");
let realtime: TestRealtime;
let url = "";
let cookie = "";
let socket: Socket;
let before: Record<string, string> = {};
let taskId = "";

beforeAll(async () => {
  await resetData(deps);
  cookie = await sessionCookieFor(deps.db, await createUser(deps.db, "VIEWER"));
  taskId = (await deps.db.task.create({ data: { title: "existing", prompt: "p" } })).id;
  // Each connection from its own address: the handshake fuzz sends many bad tokens, and the
  // per-address limit on them is tested elsewhere.
  realtime = await startTestRealtime(deps, { clientAddress: () => `198.51.100.${Math.floor(Math.random() * 250)}` });
  url = realtime.url;
  socket = await open({ extraHeaders: { cookie } }).then((outcome) => {
    if (outcome.error) throw new Error(outcome.error);
    return outcome.socket;
  });
  before = await tableChecksums(deps.db);
});

afterAll(async () => {
  socket?.disconnect();
  await realtime.close();
  await deps.close();
});

function open(options: { extraHeaders?: Record<string, string>; auth?: Record<string, unknown> }): Promise<{ socket: Socket; error?: string }> {
  const client = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, timeout: 10_000, ...options });
  return new Promise((resolve) => {
    client.on("connect", () => resolve({ socket: client }));
    client.on("connect_error", (error) => {
      client.close();
      resolve({ socket: client, error: error.message });
    });
  });
}

/** Header-safe, but with the broken percent escapes (e.g. "%d800") a careless decoder throws on. */
const cookieEscape = (value: string) => value.replace(/[^\x21-\x7e]|[%;,]/g, (c) => `%${c.charCodeAt(0).toString(16)}`).slice(0, 4000);

type Ack = { ok: boolean; error?: string };
const subscribe = (payload: unknown) => socket.timeout(10_000).emitWithAck("subscribe", payload) as Promise<Ack>;

/** A payload the server sees: hostile as a whole, or a `{ room }` holding something hostile. */
const payload = fc.oneof(
  hostileValue,
  fc.record({ room: fc.oneof(hostileString, hostileValue, fc.constantFrom("task:", "task:../../x", "task:*", "fleet ", "FLEET", "tasks\u0000", `task:${"a".repeat(65)}`)) }),
  fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), hostileValue).map(([key, value]) => ownObject([[key, value], ["room", "fleet"]])),
);

describe("fuzzing the Socket.IO events", () => {
  it("answers every hostile subscribe with a clear refusal, or joins a real room", async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (request) => {
        const wire = JSON.parse(JSON.stringify(request ?? null)) as { room?: unknown } | null;
        const ack = await subscribe(request);
        const room = wire && typeof wire === "object" && !Array.isArray(wire) ? wire.room : undefined;
        if (room === "fleet" || room === "tasks" || room === `task:${taskId}`) {
          expect(ack).toEqual({ ok: true });
        } else {
          expect(ack.ok, JSON.stringify(request)?.slice(0, 200)).toBe(false);
          expect(ack.error).toMatch(/^(room: |input: |No task with id ")/);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("survives subscribe and unsubscribe without an acknowledgement, with extra arguments, and unknown events", async () => {
    await fc.assert(
      fc.asyncProperty(payload, hostileValue, fc.constantFrom(...DANGEROUS_KEYS, "subscribe ", "log", "agent:update", "task:update", "x".repeat(1000)), async (request, extra, event) => {
        socket.emit("subscribe", request);
        socket.emit("subscribe", request, extra);
        socket.emit("unsubscribe", request);
        socket.emit("unsubscribe", request, extra, extra);
        socket.emit(event, request, extra);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
    // The same socket still gets answers: nothing above broke the server or this connection.
    expect(socket.connected).toBe(true);
    expect(await subscribe({ room: "fleet" })).toEqual({ ok: true });
    expect(await subscribe({ room: "nowhere" })).toEqual({ ok: false, error: "room: must be task:<id>, tasks or fleet" });
  });

  it("refuses handshakes with hostile credentials with a message", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, hostileValue), fc.oneof(hostileString.map((s) => `authjs.session-token=${cookieEscape(s)}`), fc.constant(undefined)), async (token, badCookie) => {
        const outcome = await open({ auth: ownObject([["token", token]]), extraHeaders: badCookie ? { cookie: badCookie } : {} });
        if (!outcome.error) outcome.socket.disconnect();
        expect(outcome.error, `token ${JSON.stringify(token)?.slice(0, 100)}`).toMatch(/^(Sign in, or send an API token|The API token|Too many|Unknown|Invalid|Could not check)/);
      }),
      { seed: SEED + 2, numRuns: 60 },
    );
  });

  it("left Object.prototype and the database as they were", async () => {
    for (const name of ["room", "polluted", ...DANGEROUS_KEYS.filter((k) => !(k in Object.prototype))]) {
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, name), name).toBe(false);
    }
    expect(await tableChecksums(deps.db)).toEqual(before);
  });
});
