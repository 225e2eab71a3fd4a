import type { ServerResponse } from "node:http";
import type { ErrorStatus } from "./api-types";

const ERROR_TYPES: Record<ErrorStatus, string> = {
  400: "invalid_request_error",
  404: "not_found_error",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Matches the API's error envelope so the SDK maps it onto its typed error classes. */
export function sendError(res: ServerResponse, status: ErrorStatus, message: string, retryAfterMs?: number, extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extraHeaders };
  if (retryAfterMs !== undefined) {
    headers["retry-after"] = String(Math.ceil(retryAfterMs / 1000));
    headers["retry-after-ms"] = String(retryAfterMs);
    headers["x-should-retry"] = "true";
  }
  const requestId = res.getHeader("request-id");
  sendJson(
    res,
    status,
    {
      type: "error",
      error: { type: ERROR_TYPES[status], message },
      ...(typeof requestId === "string" ? { request_id: requestId } : {}),
    },
    headers,
  );
}
