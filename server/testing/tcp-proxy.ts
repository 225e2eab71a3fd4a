// A loopback TCP proxy in front of a real PostgreSQL or Redis, so an integration test can cut
// the connection (an outage: open connections drop, new ones are refused) and restore it, without
// touching the service every other test shares.
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones (the port stops listening) until `restore()`. */
  cut(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  // A client reconnecting to a port that accepts and then hangs up counts each accept as a fresh
  // connection, unlike a service that is really down: the port stops listening instead.
  return {
    port,
    cut() {
      if (server.listening) server.close();
      for (const socket of sockets) socket.destroy();
    },
    async restore() {
      if (!server.listening) await listen(port);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

/** The same URL with its host and port pointed at the proxy. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(proxy.port);
  return parsed.toString();
}
