// The daemon's management API on 127.0.0.1, for operators and scripts on the host:
//   GET /health, GET /agents, POST /agents {"profile": "analyst"}, DELETE /agents/<id>[?mode=now]
// Every request needs `Authorization: Bearer <api.token>`. Answers and errors are JSON.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { ZStopModeSchema } from "../../server/contracts/fleet-commands";
import type { FleetControl } from "./fleet-control";
import type { AgentSupervisor } from "./supervisor";

export interface ManagementApiOptions {
  port: number;
  token: string;
  host: string;
  fleet: FleetControl;
  supervisor: AgentSupervisor;
}

const ZStartBodySchema = z.object({ profile: z.string().min(1, "profile must not be empty") }).strict();
const REQUESTED_BY = "the management API";
const MAX_BODY_BYTES = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startManagementApi(options: ManagementApiOptions): Promise<{ url: string; close(): Promise<void> }> {
  const expected = Buffer.from(`Bearer ${options.token}`);
  const authorized = (header: string | undefined) => {
    const given = Buffer.from(header ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const startedAt = Date.now();

  const route = async (req: http.IncomingMessage): Promise<[number, unknown]> => {
    if (!authorized(req.headers.authorization)) throw new HttpError(401, "Missing or wrong token: send Authorization: Bearer <api.token from the daemon's configuration>.");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const agentPath = /^\/agents\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === "/health") {
      if (req.method !== "GET") throw new HttpError(405, "Use GET /health.");
      return [200, { ok: true, host: options.host, pid: process.pid, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), agents: options.supervisor.agents().length }];
    }
    if (url.pathname === "/agents" && req.method === "GET") return [200, { agents: options.supervisor.agents().map(agentView) }];
    if (url.pathname === "/agents" && req.method === "POST") {
      const body = ZStartBodySchema.safeParse(await readJson(req));
      if (!body.success) throw new HttpError(400, `Expected {"profile": "<name>"}: ${body.error.issues.map((i) => i.message).join("; ")}`);
      const result = await options.fleet.start(body.data.profile, REQUESTED_BY);
      if (!result) throw new HttpError(409, "Another daemon took this start.");
      if (!result.ok) throw new HttpError(result.kind === "unknown_profile" ? 400 : 409, result.error);
      return [201, { agentId: result.agentId, profile: body.data.profile }];
    }
    if (agentPath && req.method === "DELETE") {
      const agentId = decodeURIComponent(agentPath[1]!);
      const mode = ZStopModeSchema.safeParse(url.searchParams.get("mode") ?? "graceful");
      if (!mode.success) throw new HttpError(400, 'mode must be "graceful" or "now".');
      if (!(await options.fleet.stop(agentId, mode.data, REQUESTED_BY))) throw new HttpError(404, `No agent "${agentId}" runs under this daemon.`);
      return [202, { agentId, stopping: mode.data }];
    }
    if (url.pathname === "/agents" || agentPath) throw new HttpError(405, `${req.method} is not supported on ${url.pathname}.`);
    throw new HttpError(404, `No such endpoint: ${url.pathname}. Try GET /health, GET /agents, POST /agents, DELETE /agents/<id>.`);
  };

  const server = http.createServer((req, res) => {
    route(req).then(
      ([status, body]) => send(res, status, body),
      (error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (status === 500) console.error("management API:", error);
        send(res, status, { error: status === 500 ? "Internal error; see the daemon's log." : (error as Error).message });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the API controls processes on this host and is not for the network.
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function agentView(agent: ReturnType<AgentSupervisor["agents"]>[number]) {
  return {
    id: agent.agentId,
    profile: agent.profile.name,
    state: agent.state,
    since: new Date(agent.stateChangedAt).toISOString(),
    pid: agent.pid,
    subtaskId: agent.subtaskId,
    stopping: agent.retiring,
  };
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "The body is too large.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
  } catch {
    throw new HttpError(400, "The body is not valid JSON.");
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
