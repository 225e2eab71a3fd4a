// Every Redis name Baton uses, derived from one prefix so the demo, tests and other
// deployments can share a Redis server without seeing each other's data.
export interface RedisKeys {
  bullPrefix: string;
  socketIoKey: string;
  cancelChannel: string;
  reconcileLock: string;
  rateLimitPrefix: string;
  /** Set while Claude's rate limit pauses the whole fleet (see services/fleet/fleet-pause.ts). */
  fleetPause: string;
  /** Holders of a profile's concurrent model-call slots. */
  callSlots(profileId: string): string;
  agentQueue(profileName: string): string;
  taskSharedData(taskId: string): string;
  taskMessages(taskId: string): string;
  /** Held by the subtask that is writing `path` in the task's shared workspace. */
  taskWriteLock(taskId: string, path: string): string;
  /** The agents that stopped their work on an aborted task (see queues/task-signals.ts). */
  taskStopped(taskId: string): string;
  /** Pub/sub channel of commands from the dashboard to the agent daemons. */
  fleetCommands: string;
  /** Prefix of the keys by which one daemon claims a fleet command. */
  fleetCommandClaims: string;
  /** Hash of the reconciler's repair counts by kind, for /api/metrics. */
  reconcilerRepairs: string;
  /** Recent CPU and RSS samples of one agent process, for the agents page's sparklines. */
  agentSamples(agentId: string): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    bullPrefix: `${prefix}:bull`,
    socketIoKey: `${prefix}:socket.io`,
    cancelChannel: `${prefix}:cancel`,
    reconcileLock: `${prefix}:reconcile-lock`,
    rateLimitPrefix: `${prefix}:rate`,
    fleetPause: `${prefix}:fleet-pause`,
    callSlots: (profileId) => `${prefix}:call-slots:${profileId}`,
    agentQueue: (profileName) => `agent-${profileName}`,
    taskSharedData: (taskId) => `${prefix}:task:${taskId}:shared`,
    taskMessages: (taskId) => `${prefix}:task:${taskId}:messages`,
    taskWriteLock: (taskId, path) => `${prefix}:task:${taskId}:write-lock:${path}`,
    taskStopped: (taskId) => `${prefix}:task:${taskId}:stopped`,
    fleetCommands: `${prefix}:fleet-commands`,
    fleetCommandClaims: `${prefix}:fleet-command-claim`,
    reconcilerRepairs: `${prefix}:metrics:reconciler-repairs`,
    agentSamples: (agentId) => `${prefix}:agent-samples:${agentId}`,
  };
}
