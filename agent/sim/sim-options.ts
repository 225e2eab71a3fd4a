export type InjectableStatus = 429 | 500 | 529;

export interface SimFailureRule {
  status: InjectableStatus;
  /** Only requests whose system prompt or user text contains this substring fail; omitted means every request. */
  match?: string;
  /** How many matching requests fail before the rule stops firing. Defaults to 1. */
  times?: number;
}

export interface SimServerOptions {
  /** 0 picks an ephemeral port. */
  port?: number;
  host?: string;
  /** Wait before the first event of every call, like time-to-first-token. */
  firstTokenDelayMs?: number;
  /** Wait before each streamed chunk of roughly four characters. */
  tokenDelayMs?: number;
  /** Sent as `retry-after-ms` with injected 429/529s (and rounded up to seconds in `retry-after`). */
  retryAfterMs?: number;
  failures?: SimFailureRule[];
  /** Told about every Messages request and the status it got, so tests can count HTTP attempts. */
  onRequest?: (request: SimRequestRecord) => void;
}

export interface SimRequestRecord {
  status: number;
  firstUserText: string;
  /** The request offered the finish tool: a subtask's agent, not the planner or finalizer. */
  acting: boolean;
}

export interface ResolvedSimOptions {
  port: number;
  host: string;
  firstTokenDelayMs: number;
  tokenDelayMs: number;
  retryAfterMs: number;
  failures: SimFailureRule[];
  onRequest?: (request: SimRequestRecord) => void;
}

export function resolveSimOptions(options: SimServerOptions): ResolvedSimOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    firstTokenDelayMs: Math.max(0, options.firstTokenDelayMs ?? 0),
    tokenDelayMs: Math.max(0, options.tokenDelayMs ?? 0),
    retryAfterMs: Math.max(0, options.retryAfterMs ?? 1000),
    failures: options.failures ?? [],
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  };
}
