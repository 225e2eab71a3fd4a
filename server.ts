// The web process: Next.js pages and route handlers plus Socket.IO on one HTTP server.
import { createServer } from "node:http";
import next from "next";
import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, RELAYED_HEADER, relayedFlag, REQUEST_PATH_HEADER, requestPath } from "./server/auth/client-address";
import { originOf } from "./server/auth/csrf";
import { createRedis, SUBSCRIBER_OPTIONS } from "./server/create-redis";
import { baseUrl, env } from "./server/env";
import { createRealtime, untilSubscribed } from "./server/realtime/create-realtime";
import { redisKeys } from "./server/redis-keys";
import { checkRedisDurability } from "./server/services/health/redis-durability";
import { webDeps } from "./server/web-deps";
import "./server/contracts/plain-messages";

// Auth.js builds OAuth redirect URIs from AUTH_URL when set, otherwise from each request's Host;
// pinning it to Baton's public URL keeps the URI identical between authorize and callback.
process.env.AUTH_URL ??= `${baseUrl}/api/auth`;

const pubClient = createRedis(env.REDIS_URL);
if (env.NODE_ENV === "production") {
  const refusal = await checkRedisDurability(pubClient, { url: env.REDIS_URL, allowEphemeral: env.BATON_ALLOW_EPHEMERAL_REDIS });
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}

const dev = env.NODE_ENV === "development";
const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const clientAddress = (req: IncomingMessage) => clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.BATON_TRUST_PROXY);

const httpServer = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
  req.headers[RELAYED_HEADER] = relayedFlag(req.headers["x-forwarded-for"], env.BATON_TRUST_PROXY);
  req.headers[REQUEST_PATH_HEADER] = requestPath(req.url);
  void handle(req, res);
});
const subClient = pubClient.duplicate(SUBSCRIBER_OPTIONS);
subClient.on("error", () => {});
const deps = webDeps();
const io = createRealtime(httpServer, {
  pubClient,
  subClient,
  socketIoKey: redisKeys(env.BATON_REDIS_PREFIX).socketIoKey,
  db: deps.db,
  rateLimits: deps.rateLimits,
  allowedOrigin: originOf(baseUrl),
  clientAddress: (socket) => clientAddress(socket.request),
});

// Sockets are accepted only once live events reach this server; see untilSubscribed.
if (!(await untilSubscribed(subClient, 10_000))) console.error("web: Redis is not answering; live updates start once it does");
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
