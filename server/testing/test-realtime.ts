// A real Socket.IO server (Redis adapter, the app's own authentication) on a random local port,
// for integration tests of the realtime layer.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRedis } from "../create-redis";
import { createRealtime, untilSubscribed, type RealtimeDeps, type RealtimeServer } from "../realtime/create-realtime";
import type { TestDeps } from "./test-deps";

export const TEST_ORIGIN = "http://baton.test";

export interface TestRealtime {
  io: RealtimeServer;
  url: string;
  /** The Redis client name of the adapter's subscriber connection, to cut it in a test. */
  subscriberName: string;
  /** Closes the server and its Redis connections; the test's own clients disconnect first. */
  close(): Promise<void>;
}

/** The realtime layer's dependencies as tests use them: the test's database, keys and origin. */
export function testRealtimeDeps(
  deps: TestDeps,
  clients: Pick<RealtimeDeps, "pubClient" | "subClient">,
  clientAddress: RealtimeDeps["clientAddress"] = (socket) => socket.handshake.address,
): RealtimeDeps {
  return { ...clients, socketIoKey: deps.keys.socketIoKey, db: deps.db, rateLimits: deps.rateLimits, allowedOrigin: TEST_ORIGIN, clientAddress };
}

export async function startTestRealtime(
  deps: TestDeps,
  options: { clientAddress?: RealtimeDeps["clientAddress"]; recheckMs?: number } = {},
): Promise<TestRealtime> {
  const pubClient = createRedis(process.env.REDIS_URL!);
  const subscriberName = `baton-test-sub-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const subClient = pubClient.duplicate({ connectionName: subscriberName });
  const httpServer = createServer();
  const io = createRealtime(httpServer, { ...testRealtimeDeps(deps, { pubClient, subClient }, options.clientAddress), recheckMs: options.recheckMs });
  if (!(await untilSubscribed(subClient, 5000))) throw new Error("the test realtime server's Redis subscriber did not answer");
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    io,
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    subscriberName,
    async close() {
      await io.close();
      await pubClient.quit();
      await subClient.quit();
    },
  };
}
