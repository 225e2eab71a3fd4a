// Baton's client for scripts and internal tools (`import … from "baton/client"`): the typed
// tRPC client, a log follower, and the types of every procedure's input and output.
export { baseUrl, createBatonClient, type BatonClient, type BatonClientOptions, type RouterInputs, type RouterOutputs } from "./create-baton-client";
export { describeClientError, errorCodeOf } from "./describe-client-error";
export { followTaskLogs, type FollowTaskLogsOptions, type FollowTaskLogsResult } from "./follow-task-logs";
export { readTaskLogPages } from "./read-task-logs";
export { isFinalStatus, TASK_STATUSES, type FinalTaskStatus, type TaskStatus } from "./task-status";
export type { LogEventMessage, TaskUpdateMessage } from "../contracts/realtime";
