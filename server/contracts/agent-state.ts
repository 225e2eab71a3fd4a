// An agent process's lifecycle as an explicit state machine, shared by the agent (which moves
// through it), the daemon (which records and enforces it) and the dashboard (which shows it).
import { z } from "zod";

export const AGENT_STATES = ["INITIALIZING", "IDLE", "CLAIMED", "WORKING", "WAITING", "COMPLETING", "ERROR", "TERMINATING", "EXITED", "CRASHED"] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];
export const ZAgentStateSchema = z.enum(AGENT_STATES);

/** States an agent reports itself in; EXITED and CRASHED are recorded by the daemon after the process ends. */
export const LIVE_AGENT_STATES = ["INITIALIZING", "IDLE", "CLAIMED", "WORKING", "WAITING", "COMPLETING", "ERROR", "TERMINATING"] as const satisfies readonly AgentStateName[];
export type LiveAgentState = (typeof LIVE_AGENT_STATES)[number];
export const ZLiveAgentStateSchema = z.enum(LIVE_AGENT_STATES);

/** The exit reason a restarted daemon records for the agents its predecessor left behind. */
export const LEFT_BY_ITS_DAEMON = "the agent daemon restarted";

/** The legal moves. Any live state may end in TERMINATING (asked to stop), EXITED or CRASHED. */
const TRANSITIONS: Record<AgentStateName, readonly AgentStateName[]> = {
  INITIALIZING: ["IDLE", "ERROR"],
  IDLE: ["CLAIMED"],
  CLAIMED: ["WORKING", "IDLE", "ERROR"],
  WORKING: ["WAITING", "COMPLETING", "ERROR"],
  WAITING: ["WORKING", "ERROR"],
  // CLAIMED: a follow-on, the next step its completion claimed for this agent (see completeSubtask).
  COMPLETING: ["IDLE", "CLAIMED", "ERROR"],
  ERROR: ["IDLE"],
  TERMINATING: [],
  EXITED: [],
  CRASHED: [],
};
const ENDINGS: readonly AgentStateName[] = ["TERMINATING", "EXITED", "CRASHED"];

export function canTransition(from: AgentStateName, to: AgentStateName): boolean {
  if (from === "EXITED" || from === "CRASHED") return false;
  if (from === to) return true;
  if (to === "EXITED" || to === "CRASHED") return true;
  if (to === "TERMINATING") return from !== "TERMINATING";
  return TRANSITIONS[from].includes(to) && !ENDINGS.includes(from);
}

export class IllegalTransitionError extends Error {
  constructor(from: AgentStateName, to: AgentStateName) {
    super(`An agent cannot go from ${from} to ${to}.`);
    this.name = "IllegalTransitionError";
  }
}

/** A tracker for one agent: refuses illegal moves, remembers when the state last changed. */
export function createAgentStateMachine(initial: AgentStateName = "INITIALIZING", now = () => Date.now()) {
  let state = initial;
  let since = now();
  return {
    get state() {
      return state;
    },
    get since() {
      return since;
    },
    to(next: AgentStateName) {
      if (!canTransition(state, next)) throw new IllegalTransitionError(state, next);
      if (next !== state) since = now();
      state = next;
    },
  };
}
