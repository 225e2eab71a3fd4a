// Socket.IO on the web server's HTTP server, with the Redis adapter so events published by
// agents (through the emitter) and by any web replica reach every connected browser.
// Connections authenticate like tRPC requests (session cookie or API token); every room join
// checks again, so a signed-out or removed user stops getting new rooms at once, and every
// connection's credentials are checked again every half minute, so one that has ended (a member
// removed, a token revoked, a session signed out or expired) stops receiving what its rooms carry.
import type { Server as HttpServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import { Server, type Socket } from "socket.io";
import type { Actor } from "../auth/actor";
import { authenticate, sessionTokenFromCookie, type Credentials } from "../auth/authenticate";
import { originRefusal } from "../auth/csrf";
import { can } from "../auth/permissions";
import { RateLimitedError, type RateLimits } from "../auth/rate-limits";
import { describeIssue } from "../contracts/plain-messages";
import { rooms, RETRYABLE_REFUSAL, ZSubscribeSchema, type ClientToServerEvents, type ServerToClientEvents } from "../contracts/realtime";
import type { Db } from "../db/create-prisma";
import { taskExists } from "../services/tasks/get-task";

export interface RealtimeDeps {
  pubClient: Redis;
  subClient: Redis;
  socketIoKey: string;
  db: Db;
  rateLimits: RateLimits;
  allowedOrigin: string;
  /** The connecting client's address (the TCP peer, or the proxy's X-Forwarded-For when trusted). */
  clientAddress(socket: Socket): string;
  /** How often open connections' credentials are checked again (default RECHECK_MS). */
  recheckMs?: number;
}

const RECHECK_MS = 30_000;

interface SocketData {
  actor: Actor;
  credentials: Credentials;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function credentialsOf(socket: Socket): Credentials {
  const { auth, headers } = socket.handshake;
  const offered = typeof auth?.token === "string" ? auth.token : headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  return { bearerToken: offered?.trim() || undefined, sessionToken: sessionTokenFromCookie(headers.cookie) };
}

/** A refusal caused by Baton's own trouble (PostgreSQL or Redis away), not by the credentials. */
function retryableRefusal(message: string): Error {
  return Object.assign(new Error(message), { data: RETRYABLE_REFUSAL });
}

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    adapter: createAdapter(deps.pubClient, deps.subClient, { key: deps.socketIoKey }),
  });

  announceResubscriptions(io, deps.subClient);
  recheckConnections(io, deps.db, deps.recheckMs ?? RECHECK_MS);

  io.use(async (socket, next) => {
    try {
      const credentials = credentialsOf(socket);
      const address = deps.clientAddress(socket);
      if (!credentials.bearerToken) {
        // Same-origin polling requests carry no Origin; a foreign page's always do.
        const origin = socket.handshake.headers.origin;
        const refusal = origin === undefined ? null : originRefusal(origin, deps.allowedOrigin);
        if (refusal) return next(new Error(refusal));
      } else {
        await deps.rateLimits.assertTokenAttemptsAllowed(address);
      }
      const outcome = await authenticate(deps.db, credentials);
      if (outcome.kind === "rejected") {
        await deps.rateLimits.recordTokenFailure(address);
        return next(new Error(outcome.reason));
      }
      if (outcome.kind === "anonymous") return next(new Error("Sign in, or send an API token, to receive live updates."));
      socket.data = { actor: outcome.actor, credentials };
      next();
    } catch (error) {
      next(error instanceof RateLimitedError ? new Error(error.message) : retryableRefusal("Could not check this connection's credentials."));
    }
  });

  io.on("connection", (socket) => {
    // The user's own room carries news about their own tasks (task:ended); nobody else can join it.
    void socket.join(rooms.user(socket.data.actor.userId));
    socket.on("subscribe", async (request, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const parsed = ZSubscribeSchema.safeParse(request);
      if (!parsed.success) return reply({ ok: false, error: describeIssue(parsed.error.issues[0]!) });
      const { room } = parsed.data;
      // The database away for a moment is no reason to sign anyone out: the client asks again.
      const unchecked = () => reply({ ok: false, error: "Could not check access to this room right now; try again.", retryable: true });
      const outcome = await authenticate(deps.db, socket.data.credentials).catch(() => null);
      if (outcome === null) return unchecked();
      if (outcome.kind !== "authenticated") {
        reply({ ok: false, error: "Your session has ended; sign in again." });
        socket.disconnect(true);
        return;
      }
      if (!can(outcome.actor.role, "VIEWER")) return reply({ ok: false, error: "Your role cannot read this." });
      const exists = room.startsWith("task:") ? await taskExists(deps.db, room.slice("task:".length)).catch(() => null) : true;
      if (exists === null) return unchecked();
      if (!exists) {
        return reply({ ok: false, error: `No task with id "${room.slice("task:".length)}".` });
      }
      await socket.join(room);
      reply({ ok: true });
    });
    socket.on("unsubscribe", async (request) => {
      const parsed = ZSubscribeSchema.safeParse(request);
      if (parsed.success) await socket.leave(parsed.data.room);
    });
  });
  return io;
}

/** Disconnects this server's connections whose credentials no longer authenticate; a database away for a moment disconnects nobody. */
function recheckConnections(io: RealtimeServer, db: Db, everyMs: number): void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const socket of io.of("/").sockets.values()) {
        const outcome = await authenticate(db, socket.data.credentials).catch(() => null);
        if (outcome && outcome.kind !== "authenticated") socket.disconnect(true);
      }
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  io.httpServer?.on("close", () => clearInterval(timer));
}

/**
 * Resolves true once the adapter's subscriptions are in place, false after `timeoutMs` (Redis is
 * away; the resync below covers that case). A server that accepted sockets before then would
 * lose the live events published meanwhile, yet its clients' catch-up has already run: the
 * last lines of a task that finished just after a restart would never reach them. The adapter
 * subscribes when it is made, and a PING on the same connection is answered after that.
 */
export function untilSubscribed(subClient: Redis, timeoutMs: number): Promise<boolean> {
  return Promise.race([
    subClient.ping().then(
      () => true,
      () => false,
    ),
    sleep(timeoutMs, false, { ref: false }),
  ]);
}

/**
 * Redis pub/sub keeps nothing: whatever agents published while this server's subscription was
 * down is gone, yet its sockets stayed connected and saw no reconnect. Once the subscription is
 * back, every local socket is told to catch up. ioredis reports "ready" before it resubscribes;
 * a PING sent after that is answered after the resubscription, so the catch-up cannot start
 * before live events flow again.
 */
function announceResubscriptions(io: RealtimeServer, subClient: Redis) {
  let interrupted = false;
  subClient.on("close", () => {
    interrupted = true;
  });
  subClient.on("ready", () => {
    if (!interrupted) return;
    interrupted = false;
    setImmediate(() => {
      subClient.ping().then(
        () => io.local.emit("resync"),
        () => {}, // closed again: the next "ready" announces
      );
    });
  });
}
