// Socket.IO on the web server's HTTP server, with the Redis adapter so events published by
// agents (through the emitter) and by any web replica reach every connected browser.
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import { Server } from "socket.io";
import { ZSubscribeSchema, type ClientToServerEvents, type ServerToClientEvents } from "../contracts/realtime";

export interface RealtimeDeps {
  pubClient: Redis;
  subClient: Redis;
  socketIoKey: string;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    adapter: createAdapter(deps.pubClient, deps.subClient, { key: deps.socketIoKey }),
  });

  io.on("connection", (socket) => {
    socket.on("subscribe", async (request, ack) => {
      const parsed = ZSubscribeSchema.safeParse(request);
      const reply = typeof ack === "function" ? ack : () => {};
      if (!parsed.success) return reply({ ok: false, error: parsed.error.issues[0]?.message ?? "invalid room" });
      await socket.join(parsed.data.room);
      reply({ ok: true });
    });
    socket.on("unsubscribe", async (request) => {
      const parsed = ZSubscribeSchema.safeParse(request);
      if (parsed.success) await socket.leave(parsed.data.room);
    });
  });
  return io;
}
