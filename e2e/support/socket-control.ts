// Drops a page's Socket.IO connection and keeps it down (new attempts refused) until restored,
// while the page itself stays loaded: a network blip as the browser sees it.
import type { Page, WebSocketRoute } from "@playwright/test";

export interface SocketControl {
  drop(): Promise<void>;
  restore(): void;
}

/** Call before the page loads, so every socket it opens goes through the control. */
export async function controlSocket(page: Page): Promise<SocketControl> {
  let blocked = false;
  const sockets: WebSocketRoute[] = [];
  await page.route("**/socket.io/**", (route) => (blocked ? route.abort() : route.continue()));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (blocked) return void ws.close();
    const server = ws.connectToServer();
    server.onMessage((message) => ws.send(message));
    ws.onMessage((message) => {
      server.send(message);
      // Engine.IO's upgrade packet: from now on the page talks only through this WebSocket (its
      // long-poll is over), so closing the WebSocket really cuts the page off.
      if (message === "5") sockets.push(ws);
    });
  });
  return {
    async drop() {
      // Socket.IO starts on long-polling and upgrades to a WebSocket; closing only bites once it has.
      for (let waited = 0; sockets.length === 0 && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (sockets.length === 0) throw new Error("the page's socket never upgraded to a WebSocket");
      blocked = true;
      await Promise.all(sockets.splice(0).map((ws) => ws.close()));
    },
    restore() {
      blocked = false;
    },
  };
}
