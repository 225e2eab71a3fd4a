// Socket.IO event catalog shared by the web server, the agents (through the Redis emitter) and
// the browser.
import { z } from "zod";
import { ZAgentStateSchema } from "./agent-state";

export const ZLogEventSchema = z.object({
  taskId: z.string(),
  seq: z.number().int().positive(),
  subtaskId: z.string().nullable(),
  agentId: z.string().nullable(),
  kind: z.enum(["TEXT", "TOOL_CALL", "TOOL_RESULT", "STATUS", "ERROR"]),
  level: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]),
  message: z.string(),
  data: z.unknown().nullable(),
  createdAt: z.string(),
});
export type LogEventMessage = z.infer<typeof ZLogEventSchema>;

export const ZTaskUpdateSchema = z.object({
  taskId: z.string(),
  status: z.enum(["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING", "SUCCEEDED", "FAILED", "CANCELLED"]).optional(),
  subtaskId: z.string().optional(),
  subtaskStatus: z
    .enum(["PENDING", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"])
    .optional(),
});
export type TaskUpdateMessage = z.infer<typeof ZTaskUpdateSchema>;

/** One of the user's own tasks reached a final status; sent to that user's room only. */
export const ZTaskEndedSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  status: z.enum(["SUCCEEDED", "FAILED", "CANCELLED"]),
  reason: z.string().nullable(),
});
export type TaskEndedMessage = z.infer<typeof ZTaskEndedSchema>;
export type TaskEndStatus = TaskEndedMessage["status"];

export const ZAgentUpdateSchema = z.object({
  agentId: z.string(),
  profile: z.string(),
  state: ZAgentStateSchema,
  stateChangedAt: z.string().optional(),
  pid: z.number().int().nullable(),
  currentSubtaskId: z.string().nullable(),
  cpuPercent: z.number().nullable(),
  rssBytes: z.number().nullable(),
  lastHeartbeatAt: z.string().nullable(),
});
export type AgentUpdateMessage = z.infer<typeof ZAgentUpdateSchema>;

/** Claude's rate limit paused the fleet's dispatch until `until` (epoch ms). */
export const ZFleetPauseSchema = z.object({ until: z.number().int(), reason: z.string() });
export type FleetPauseMessage = z.infer<typeof ZFleetPauseSchema>;

export const SCALING_ACTIONS = ["scale_up", "scale_down", "start", "stop", "restart", "refused", "killed"] as const;
export type ScalingAction = (typeof SCALING_ACTIONS)[number];

/** A daemon's decision about its fleet (ScalingEvent), as the agents page lists it. */
export const ZScalingEventSchema = z.object({
  id: z.string(),
  host: z.string(),
  profile: z.string(),
  action: z.enum(SCALING_ACTIONS),
  reason: z.string(),
  fromCount: z.number().int(),
  toCount: z.number().int(),
  createdAt: z.string(),
});
export type ScalingEventMessage = z.infer<typeof ZScalingEventSchema>;

export interface ServerToClientEvents {
  log: (event: LogEventMessage) => void;
  "task:update": (update: TaskUpdateMessage) => void;
  "task:ended": (ended: TaskEndedMessage) => void;
  "agent:update": (update: AgentUpdateMessage) => void;
  "fleet:pause": (pause: FleetPauseMessage) => void;
  "fleet:scaling": (event: ScalingEventMessage) => void;
  /** Events may have been lost while the server's Redis subscription was down (the socket itself
   * stayed up): catch up from PostgreSQL as after a reconnect. */
  resync: () => void;
}

export const ZSubscribeSchema = z.object({
  room: z.string().regex(/^(task:[A-Za-z0-9_-]{1,64}|fleet|tasks)$/, "must be task:<id>, tasks or fleet"),
});

export interface ClientToServerEvents {
  /** `retryable`: the server could not check access (its database away); ask again in a moment. */
  subscribe: (request: { room: string }, ack: (result: { ok: boolean; error?: string; retryable?: boolean }) => void) => void;
  unsubscribe: (request: { room: string }) => void;
}

export { isRetryableRefusal, RETRY_REFUSED_CONNECTION_MS, RETRYABLE_REFUSAL } from "../client/retryable-refusal";

export const rooms = {
  task: (taskId: string) => `task:${taskId}`,
  /** Every connection of one user; joined by the server on connect, never on request. */
  user: (userId: string) => `user:${userId}`,
  tasks: "tasks",
  fleet: "fleet",
} as const;
