// Where each daemon setting can come from besides the defaults: its environment variable and its
// command-line flag. The YAML file uses the schema's own nesting (fleet.maxAgents, intervals.cooldown).
export interface Setting {
  /** Dotted path in the schema. */
  key: string;
  env: string;
  flag: string;
  /** Paths are resolved against the file's folder (in the file) or the working directory. */
  kind: "value" | "path";
  help: string;
}

export const SETTINGS: Setting[] = [
  { key: "fleet.maxAgents", env: "BATON_MAX_AGENTS", flag: "max-agents", kind: "value", help: "agent processes on this host at most" },
  { key: "host.minFreeMemoryMb", env: "BATON_MIN_FREE_MEMORY_MB", flag: "min-free-memory-mb", kind: "value", help: "start no agent below this much available memory" },
  { key: "host.maxLoadPerCore", env: "BATON_MAX_LOAD_PER_CORE", flag: "max-load-per-core", kind: "value", help: "start no agent above this load average per core" },
  { key: "intervals.heartbeat", env: "BATON_HEARTBEAT_INTERVAL_MS", flag: "heartbeat", kind: "value", help: "agent heartbeat interval" },
  { key: "intervals.sample", env: "BATON_MONITOR_INTERVAL_MS", flag: "sample", kind: "value", help: "CPU/memory sampling and limit checks" },
  { key: "intervals.reconcile", env: "BATON_RECONCILE_INTERVAL_MS", flag: "reconcile", kind: "value", help: "reconciler interval" },
  { key: "intervals.autoscale", env: "BATON_AUTOSCALE_INTERVAL_MS", flag: "autoscale", kind: "value", help: "autoscaler interval" },
  { key: "intervals.cooldown", env: "BATON_SCALE_COOLDOWN_MS", flag: "cooldown", kind: "value", help: "idle time before an agent above the minimum is retired" },
  { key: "paths.workspaces", env: "BATON_WORKSPACES", flag: "workspaces", kind: "path", help: "where task workspaces live" },
  { key: "paths.workspaceSeed", env: "BATON_WORKSPACE_SEED", flag: "workspace-seed", kind: "path", help: "files copied into every new workspace" },
  { key: "api.port", env: "BATON_DAEMON_API_PORT", flag: "api-port", kind: "value", help: "management API port on 127.0.0.1 (0: any free port)" },
  { key: "api.token", env: "BATON_DAEMON_TOKEN", flag: "api-token", kind: "value", help: "management API bearer token" },
];

/** Per-profile fleet sizes: `BATON_FLEET=analyst=1-3,generalist=2-4`, or `--fleet analyst=1-3` repeated. */
export const FLEET_ENV = "BATON_FLEET";
export const FLEET_FLAG = "fleet";
export const CONFIG_ENV = "BATON_CONFIG";
export const DEFAULT_CONFIG_FILE = "baton.config.yaml";

/** `analyst=1-3` → the profile and its bounds; null when it does not have that shape. */
export function parseFleetEntry(entry: string): { profile: string; minAgents: string; maxAgents: string } | null {
  const match = /^\s*([^=\s]+)\s*=\s*(\d+)\s*-\s*(\d+)\s*$/.exec(entry);
  return match ? { profile: match[1]!, minAgents: match[2]!, maxAgents: match[3]! } : null;
}
