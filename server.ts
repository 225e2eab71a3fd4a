// The web process: Next.js pages and route handlers plus Socket.IO on one HTTP server.
import { createServer } from "node:http";
import next from "next";
import { createRedis } from "./server/create-redis";
import { env } from "./server/env";
import { createRealtime } from "./server/realtime/create-realtime";
import { redisKeys } from "./server/redis-keys";

const dev = env.NODE_ENV === "development";
const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const httpServer = createServer((req, res) => void handle(req, res));
const pubClient = createRedis(env.REDIS_URL);
const subClient = pubClient.duplicate();
subClient.on("error", () => {});
const io = createRealtime(httpServer, { pubClient, subClient, socketIoKey: redisKeys(env.BATON_REDIS_PREFIX).socketIoKey });

httpServer.listen(env.PORT, env.HOSTNAME, () => {
  console.log(`web listening on http://localhost:${env.PORT} (${dev ? "development" : env.NODE_ENV})`);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`web: ${signal}, closing`);
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  await io.close();
  await pubClient.quit().catch(() => {});
  await subClient.quit().catch(() => {});
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
