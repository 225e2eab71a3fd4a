// Follows one task's log until the task ends: live lines through Socket.IO, history and
// catch-up through task.logs, merged so every line is delivered once and in seq order.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, LogEventMessage, ServerToClientEvents, TaskUpdateMessage } from "../contracts/realtime";
import { isRetryableRefusal, RETRY_REFUSED_CONNECTION_MS } from "./retryable-refusal";
import { baseUrl, createBatonClient, type BatonClient, type RouterOutputs } from "./create-baton-client";
import { errorCodeOf } from "./describe-client-error";
import { createLogSequencer } from "./log-sequencer";
import { readTaskLogPages } from "./read-task-logs";
import { isFinalStatus, type FinalTaskStatus } from "./task-status";

export interface FollowTaskLogsOptions {
  url: string;
  token: string;
  taskId: string;
  /** Deliver lines after this seq only (0, the default, means the whole history). */
  afterSeq?: number;
  onLog(event: LogEventMessage): void;
  /** Task and subtask status changes as announced live; best effort, so they may skip or repeat. */
  onUpdate?(update: TaskUpdateMessage): void;
  /** The live connection dropped (with why) or is back; missed lines are fetched either way. */
  onConnectionChange?(connected: boolean, reason?: string): void;
  signal?: AbortSignal;
  /** An existing client to reuse; one is created from url and token otherwise. */
  client?: BatonClient;
  fetch?: typeof globalThis.fetch;
}

export interface FollowTaskLogsResult {
  status: FinalTaskStatus;
  task: RouterOutputs["task"]["byId"];
}

/** How long a hole in the seqs may stay open before it is fetched: agents' lines can overtake each other. */
const GAP_WAIT_MS = 1000;
/** Safety net for status events lost while Redis or the connection hiccupped. */
const POLL_MS = 10_000;
const SUBSCRIBE_TIMEOUT_MS = 10_000;
/** The server announces a final status just before it writes the last line ("Task succeeded."). */
const SETTLE_QUIET_MS = 500;
const SETTLE_MAX_MS = 3000;
const PERMANENT_REFUSALS = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

type TaskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function followTaskLogs(options: FollowTaskLogsOptions): Promise<FollowTaskLogsResult> {
  const { taskId, signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const client = options.client ?? createBatonClient(options);
  const sequencer = createLogSequencer(options.afterSeq ?? 0);

  return new Promise<FollowTaskLogsResult>((resolve, reject) => {
    let done = false;
    let finishing = false;
    let reachedServer = false;
    let lastLineAt = Date.now();
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const socket: TaskSocket = io(baseUrl(options.url), { path: "/socket.io", auth: { token: options.token }, reconnectionDelayMax: 5000 });
    const poll = setInterval(() => {
      void guarded(catchUp);
      void guarded(checkFinished);
    }, POLL_MS);

    const stop = () => {
      done = true;
      clearInterval(poll);
      clearTimeout(gapTimer);
      signal?.removeEventListener("abort", onAbort);
      socket.removeAllListeners();
      socket.disconnect();
    };
    const fail = (error: unknown) => {
      if (done) return;
      stop();
      reject(error);
    };
    const onAbort = () => fail(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });

    const deliver = (events: readonly LogEventMessage[]) => {
      for (const event of events) {
        if (done) return;
        try {
          options.onLog(event);
        } catch (error) {
          fail(error);
        }
      }
    };

    // A refusal that will not go away (credentials, access, unknown task) ends the follow, and so
    // does any failure before the server was ever reached (wrong URL). Later network trouble and
    // server errors wait for the next reconnect or poll.
    // Requests carry no abort signal (tRPC would keep a listener on it per request for the whole
    // follow); after stop() their answers are ignored.
    const guarded = async (step: () => Promise<void>) => {
      try {
        await step();
        reachedServer = true;
      } catch (error) {
        if (!done && (PERMANENT_REFUSALS.has(errorCodeOf(error) ?? "") || !reachedServer)) fail(error);
      }
    };

    // One catch-up at a time; a request that comes in meanwhile runs it once more at the end.
    let catchingUp: Promise<void> | undefined;
    let again = false;
    const catchUp = (): Promise<void> => {
      if (catchingUp) {
        again = true;
        return catchingUp;
      }
      catchingUp = (async () => {
        try {
          do {
            again = false;
            for await (const page of readTaskLogPages(client, { taskId, afterSeq: sequencer.deliveredSeq })) {
              if (done) return;
              deliver(sequencer.accept(page));
            }
          } while (again && !done);
        } finally {
          catchingUp = undefined;
        }
      })();
      return catchingUp;
    };

    const checkFinished = async () => {
      const task = await client.task.byId.query({ id: taskId });
      if (done || finishing || !isFinalStatus(task.status)) return;
      finishing = true;
      try {
        const settleStart = Date.now();
        while (!done && Date.now() - lastLineAt < SETTLE_QUIET_MS && Date.now() - settleStart < SETTLE_MAX_MS) {
          await new Promise((wake) => setTimeout(wake, 100));
        }
        await catchUp();
      } catch (error) {
        // Let the next poll or reconnect finish the job.
        finishing = false;
        throw error;
      }
      if (done) return;
      // Stored seqs have no holes, so anything still held is only waiting for lines that
      // will never come (a row lost with a failed write); show it rather than drop it.
      deliver(sequencer.drain());
      if (done) return;
      stop();
      resolve({ status: task.status, task });
    };

    const watchGap = () => {
      if (sequencer.heldCount === 0 || gapTimer) return;
      gapTimer = setTimeout(() => {
        gapTimer = undefined;
        if (sequencer.heldCount > 0) void guarded(catchUp);
      }, GAP_WAIT_MS);
    };

    const join = () => {
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit("subscribe", { room: `task:${taskId}` }, (error, result) => {
        if (done) return;
        // No answer: start over on a fresh connection, which joins again.
        if (error) return void socket.disconnect().connect();
        if (!result.ok && result.retryable) return void setTimeout(() => !done && socket.connected && join(), RETRY_REFUSED_CONNECTION_MS);
        if (!result.ok) return fail(new Error(result.error ?? `Could not follow task ${taskId}.`));
        options.onConnectionChange?.(true);
        // Whatever was logged before the join is in the database now.
        void guarded(catchUp);
        void guarded(checkFinished);
      });
    };

    socket.on("connect", join);
    socket.on("resync", () => {
      if (done) return;
      void guarded(catchUp);
      void guarded(checkFinished);
    });
    socket.on("log", (event) => {
      if (event.taskId !== taskId) return;
      lastLineAt = Date.now();
      deliver(sequencer.accept([event]));
      watchGap();
    });
    socket.on("task:update", (update) => {
      if (update.taskId !== taskId) return;
      options.onUpdate?.(update);
      if (isFinalStatus(update.status)) void guarded(checkFinished);
    });
    socket.on("connect_error", (error) => {
      // The server refused the credentials (socket.active is false) — unless it could not check
      // them for a while (its database or Redis away); anything else is retried by Socket.IO.
      if (!socket.active && !isRetryableRefusal(error)) return fail(new Error(error.message));
      options.onConnectionChange?.(false, error.message);
      if (!socket.active) setTimeout(() => !done && socket.connect(), RETRY_REFUSED_CONNECTION_MS);
    });
    socket.on("disconnect", (reason) => {
      if (done) return;
      options.onConnectionChange?.(false, reason);
      // The server closed this connection on purpose; reconnecting checks the token again.
      if (reason === "io server disconnect") socket.connect();
    });

    void guarded(catchUp);
    void guarded(checkFinished);
  });
}
