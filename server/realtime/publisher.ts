// Publishes live events to Socket.IO rooms through Redis, from any process (web or agent):
// nobody but the web server holds sockets.
import { Emitter } from "@socket.io/redis-emitter";
import type { Redis } from "ioredis";
import {
  rooms,
  type AgentUpdateMessage,
  type FleetPauseMessage,
  type LogEventMessage,
  type ScalingEventMessage,
  type ServerToClientEvents,
  type TaskEndedMessage,
  type TaskUpdateMessage,
} from "../contracts/realtime";

export interface RealtimePublisher {
  logs(events: LogEventMessage[]): void;
  taskUpdate(update: TaskUpdateMessage): void;
  /** Tells the task's creator, wherever they are in the dashboard, that it has ended. */
  taskEnded(userId: string, ended: TaskEndedMessage): void;
  agentUpdate(update: AgentUpdateMessage): void;
  fleetPause(pause: FleetPauseMessage): void;
  scalingEvent(event: ScalingEventMessage): void;
}

export function createRealtimePublisher(redis: Redis, socketIoKey: string): RealtimePublisher {
  // Live events are best effort: history is in PostgreSQL and clients catch up by seq, so a
  // publish that fails (Redis down, connection closing) must not become an unhandled rejection.
  const client = { publish: (channel: string, message: Buffer | string) => redis.publish(channel, message).catch(() => 0) };
  const emitter = new Emitter<ServerToClientEvents>(client, { key: socketIoKey });
  return {
    logs(events) {
      for (const event of events) emitter.to(rooms.task(event.taskId)).emit("log", event);
    },
    taskUpdate(update) {
      emitter.to([rooms.task(update.taskId), rooms.tasks]).emit("task:update", update);
    },
    taskEnded(userId, ended) {
      emitter.to(rooms.user(userId)).emit("task:ended", ended);
    },
    agentUpdate(update) {
      emitter.to(rooms.fleet).emit("agent:update", update);
    },
    fleetPause(pause) {
      emitter.to(rooms.fleet).emit("fleet:pause", pause);
    },
    scalingEvent(event) {
      emitter.to(rooms.fleet).emit("fleet:scaling", event);
    },
  };
}
