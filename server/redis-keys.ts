// Every Redis name Baton uses, derived from one prefix so the demo, tests and other
// deployments can share a Redis server without seeing each other's data.
export interface RedisKeys {
  bullPrefix: string;
  socketIoKey: string;
  cancelChannel: string;
  reconcileLock: string;
  rateLimitPrefix: string;
  agentQueue(profileName: string): string;
  taskSharedData(taskId: string): string;
  taskMessages(taskId: string): string;
  /** Held by the subtask that is writing `path` in the task's shared workspace. */
  taskWriteLock(taskId: string, path: string): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    bullPrefix: `${prefix}:bull`,
    socketIoKey: `${prefix}:socket.io`,
    cancelChannel: `${prefix}:cancel`,
    reconcileLock: `${prefix}:reconcile-lock`,
    rateLimitPrefix: `${prefix}:rate`,
    agentQueue: (profileName) => `agent-${profileName}`,
    taskSharedData: (taskId) => `${prefix}:task:${taskId}:shared`,
    taskMessages: (taskId) => `${prefix}:task:${taskId}:messages`,
    taskWriteLock: (taskId, path) => `${prefix}:task:${taskId}:write-lock:${path}`,
  };
}
