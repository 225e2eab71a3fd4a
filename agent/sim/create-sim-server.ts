import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PromptCache } from "./estimate-usage";
import { handleCountTokens, handleMessages, type SimState } from "./handle-messages";
import { FailureInjector } from "./inject-failure";
import { LimitInjector } from "./inject-limits";
import { makeId } from "./make-id";
import { sendError, sendJson } from "./send-response";
import { resolveSimOptions, type SimServerOptions } from "./sim-options";

export interface SimServer {
  /** Base URL to pass as the SDK's `baseURL`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function route(req: IncomingMessage, res: ServerResponse, state: SimState) {
  const path = new URL(req.url ?? "/", "http://sim").pathname.replace(/\/+$/, "") || "/";
  if (req.method === "GET" && path === "/health") {
    return sendJson(res, 200, { status: "ok", service: "baton-sim" });
  }
  const isMessages = path === "/v1/messages";
  const isCount = path === "/v1/messages/count_tokens";
  if (req.method !== "POST" || (!isMessages && !isCount)) {
    return sendError(res, 404, `Not found: ${req.method ?? "?"} ${path}. The sim serves POST /v1/messages, POST /v1/messages/count_tokens and GET /health.`);
  }
  const body = await readBody(req);
  if (body === undefined) return sendError(res, 400, `request body exceeds ${MAX_BODY_BYTES} bytes`);
  if (isCount) return handleCountTokens(res, body);
  return handleMessages(req, res, body, state);
}

export async function createSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const resolved = resolveSimOptions(options);
  const state: SimState = {
    options: resolved,
    cache: new PromptCache(),
    failures: new FailureInjector(resolved.failures),
    limits: new LimitInjector(),
  };

  const server = createServer((req, res) => {
    res.setHeader("request-id", makeId("req"));
    route(req, res, state).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `sim failure: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}`,
    port,
    // Streams in flight and idle keep-alive sockets would otherwise hold close() open.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
