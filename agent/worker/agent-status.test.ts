import { describe, expect, it } from "vitest";
import { IllegalTransitionError } from "../../server/contracts/agent-state";
import { AgentStatus, type AgentStatusSnapshot } from "./agent-status";

const recorded = () => {
  const seen: AgentStatusSnapshot[] = [];
  return { seen, status: new AgentStatus((snapshot) => seen.push(snapshot)) };
};

describe("AgentStatus", () => {
  it("reports every change with the subtask it concerns", async () => {
    const { seen, status } = recorded();
    status.to("IDLE");
    status.to("CLAIMED");
    status.to("WORKING", "sub-1");
    expect(await status.waitFor(async () => "approved")).toBe("approved");
    status.to("COMPLETING");
    status.to("IDLE");
    expect(seen.map((s) => `${s.state}:${s.subtaskId ?? "-"}`)).toEqual([
      "IDLE:-",
      "CLAIMED:-",
      "WORKING:sub-1",
      "WAITING:sub-1",
      "WORKING:sub-1",
      "COMPLETING:sub-1",
      "IDLE:-",
    ]);
  });

  it("returns to WORKING after a wait that failed", async () => {
    const { status } = recorded();
    for (const next of ["IDLE", "CLAIMED", "WORKING"] as const) status.to(next);
    await expect(status.waitFor(() => Promise.reject(new Error("aborted")))).rejects.toThrow("aborted");
    expect(status.state).toBe("WORKING");
  });

  it("throws on an illegal move and stays where it was", () => {
    const { seen, status } = recorded();
    status.to("IDLE");
    expect(() => status.to("WORKING")).toThrow(IllegalTransitionError);
    expect(status.state).toBe("IDLE");
    expect(seen).toHaveLength(1);
  });

  it("keeps saying TERMINATING while the job in hand drains", () => {
    const { seen, status } = recorded();
    for (const next of ["IDLE", "CLAIMED", "WORKING", "TERMINATING", "COMPLETING", "IDLE"] as const) status.to(next);
    expect(status.state).toBe("TERMINATING");
    expect(seen.at(-1)?.state).toBe("TERMINATING");
  });
});
