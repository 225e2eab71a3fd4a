import { describe, expect, it } from "vitest";
import { AGENT_STATES, canTransition, createAgentStateMachine, IllegalTransitionError, type AgentStateName } from "./agent-state";

/** A job's life as the agent process walks it. */
const HAPPY_PATH: AgentStateName[] = ["INITIALIZING", "IDLE", "CLAIMED", "WORKING", "WAITING", "WORKING", "COMPLETING", "IDLE"];

describe("the agent state machine", () => {
  it("walks a job from start-up to idle again", () => {
    const machine = createAgentStateMachine();
    for (const next of HAPPY_PATH.slice(1)) machine.to(next);
    expect(machine.state).toBe("IDLE");
  });

  it("goes through ERROR back to IDLE after a failed job, from any busy state", () => {
    for (const busy of ["CLAIMED", "WORKING", "WAITING", "COMPLETING"] as const) {
      expect(canTransition(busy, "ERROR"), busy).toBe(true);
    }
    expect(canTransition("ERROR", "IDLE")).toBe(true);
    expect(canTransition("ERROR", "WORKING")).toBe(false);
  });

  it("lets a claimed job that turned out to be stale return straight to IDLE", () => {
    expect(canTransition("CLAIMED", "IDLE")).toBe(true);
  });

  it("lets a completing agent take up its follow-on, the next step its completion claimed for it", () => {
    expect(canTransition("COMPLETING", "CLAIMED")).toBe(true);
  });

  it.each<[AgentStateName, AgentStateName]>([
    ["IDLE", "WORKING"],
    ["INITIALIZING", "WORKING"],
    ["WORKING", "IDLE"],
    ["WAITING", "COMPLETING"],
    ["COMPLETING", "WORKING"],
    ["TERMINATING", "IDLE"],
    ["EXITED", "IDLE"],
    ["CRASHED", "TERMINATING"],
  ])("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const machine = createAgentStateMachine(from);
    expect(() => machine.to(to)).toThrow(IllegalTransitionError);
    expect(() => machine.to(to)).toThrow(`An agent cannot go from ${from} to ${to}.`);
    expect(machine.state).toBe(from);
  });

  it("lets every live state be asked to stop (again, harmlessly), exit or crash; the ends are final", () => {
    for (const state of AGENT_STATES) {
      const ended = state === "EXITED" || state === "CRASHED";
      expect(canTransition(state, "TERMINATING"), state).toBe(!ended);
      expect(canTransition(state, "EXITED"), state).toBe(!ended);
      expect(canTransition(state, "CRASHED"), state).toBe(!ended);
    }
    expect(canTransition("TERMINATING", "EXITED")).toBe(true);
  });

  it("remembers when the state last changed, not when it was last re-asserted", () => {
    let clock = 1000;
    const machine = createAgentStateMachine("IDLE", () => clock);
    expect(machine.since).toBe(1000);
    clock = 2000;
    machine.to("CLAIMED");
    expect(machine.since).toBe(2000);
    clock = 3000;
    machine.to("CLAIMED");
    expect(machine.since).toBe(2000);
  });
});
