// GET /api/tasks/<id>/files/<path>: one file of a task's workspace as an attachment. The same
// authentication as pages and tRPC (session cookie or API token, with the failed-token limit),
// the same access as reading the task, and the workspace confinement of openTaskFile.
import { Readable } from "node:stream";
import { authenticate, credentialsFromHeaders } from "../auth/authenticate";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";
import { PROCEDURE_RULES } from "../auth/permissions";
import { RateLimitedError } from "../auth/rate-limits";
import { hasRole } from "../auth/roles";
import { ServiceError } from "../services/service-error";
import { fileContentType } from "../services/tasks/file-content-type";
import { taskExists } from "../services/tasks/get-task";
import { openTaskFile } from "../services/tasks/open-task-file";
import type { ApiDeps } from "./trpc";

const STATUS = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

const refusal = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

export async function handleTaskFileRequest(req: Request, args: { deps: ApiDeps; taskId: string; segments: string[] }): Promise<Response> {
  const { deps } = args;
  const credentials = credentialsFromHeaders(req.headers);
  const clientAddress = req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  if (credentials.bearerToken) {
    try {
      await deps.rateLimits.assertTokenAttemptsAllowed(clientAddress);
    } catch (error) {
      if (error instanceof RateLimitedError) return refusal(429, error.message, { "retry-after": String(error.retryAfterSeconds) });
      throw error;
    }
  }
  const outcome = await authenticate(deps.db, credentials);
  if (outcome.kind === "rejected") {
    await deps.rateLimits.recordTokenFailure(clientAddress);
    return refusal(401, outcome.reason);
  }
  if (outcome.kind === "anonymous") return refusal(401, "Sign in, or send an API token, to download a task's files.");
  if (!hasRole(outcome.actor.role, PROCEDURE_RULES["task.byId"].role)) return refusal(403, "Your role may not read tasks.");
  if (!(await taskExists(deps.db, args.taskId))) return refusal(404, `No task with id "${args.taskId}".`);

  try {
    const file = await openTaskFile(deps.workspaces, args.taskId, args.segments);
    const stream = file.handle.createReadStream();
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": fileContentType(file.name),
        "content-length": String(file.stat.size),
        "content-disposition": attachment(file.name),
        "last-modified": file.stat.mtime.toUTCString(),
        "cache-control": "no-store",
        // Agent output is untrusted: never sniffed into something else, never run as a page.
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox; default-src 'none'",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return refusal(STATUS[error.code], error.message);
    throw error;
  }
}

/** RFC 6266: an ASCII fallback name plus the exact name in UTF-8. */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
