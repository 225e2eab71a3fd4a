// This agent process's place in the shared state machine (server/contracts/agent-state.ts) and
// the subtask it holds. Every change is reported at once, so the daemon and the dashboard see
// short states such as CLAIMED or WAITING, not only what the next heartbeat happens to catch.
import { createAgentStateMachine, type LiveAgentState } from "../../server/contracts/agent-state";

export interface AgentStatusSnapshot {
  state: LiveAgentState;
  /** Epoch milliseconds of the last change of state. */
  since: number;
  subtaskId: string | null;
}

export class AgentStatus {
  private readonly machine = createAgentStateMachine("INITIALIZING");
  private subtaskId: string | null = null;

  constructor(private readonly onChange: (snapshot: AgentStatusSnapshot) => void = () => {}) {}

  get state(): LiveAgentState {
    return this.machine.state as LiveAgentState;
  }

  snapshot(): AgentStatusSnapshot {
    return { state: this.state, since: this.machine.since, subtaskId: this.subtaskId };
  }

  /** Moves to `next`; an illegal move throws (a bug in the agent, not a runtime condition). */
  to(next: LiveAgentState, subtaskId?: string | null): void {
    // After a graceful shutdown was asked for, the job in hand still runs to its end, but the
    // agent keeps saying TERMINATING so nobody mistakes it for one that takes new work.
    if (this.machine.state === "TERMINATING") return;
    this.machine.to(next);
    if (subtaskId !== undefined) this.subtaskId = subtaskId;
    if (next === "IDLE") this.subtaskId = null;
    this.onChange(this.snapshot());
  }

  /** WAITING while `wait` runs (an approval, another subtask's write lock), then WORKING again. */
  async waitFor<T>(wait: () => Promise<T>): Promise<T> {
    this.to("WAITING");
    try {
      return await wait();
    } finally {
      if (this.state === "WAITING") this.to("WORKING");
    }
  }
}
