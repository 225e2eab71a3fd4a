// Shared by the health check, the reconciler and the dashboard (kept free of imports so the
// browser bundle takes only this constant).
/** An agent whose last heartbeat is older than this counts as gone. */
export const AGENT_HEARTBEAT_STALE_MS = 15_000;
