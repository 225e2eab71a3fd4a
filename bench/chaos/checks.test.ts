// What the chaos summary makes of the subtasks a kill orphaned.
import { describe, expect, it } from "vitest";
import type { SubtaskEvent } from "./audit";
import { rerunLatencies } from "./checks";
import type { FaultRecord } from "./faults";

const at = (ms: number) => new Date(ms);
const kill = (orphans: FaultRecord["orphans"]): FaultRecord => ({ kind: "daemon-kill", at: 1_000, orphans });

describe("orphans of a kill", () => {
  it("times the next claim, and tells a run that finished anyway from a task that ended first", () => {
    const events: SubtaskEvent[] = [
      { subtaskId: "rerun", kind: "claim", attempts: 1, at: at(500) },
      { subtaskId: "rerun", kind: "claim", attempts: 2, at: at(7_500) },
      { subtaskId: "rerun", kind: "result", attempts: 2, at: at(9_000) },
      { subtaskId: "finished", kind: "claim", attempts: 1, at: at(600) },
      { subtaskId: "finished", kind: "result", attempts: 1, at: at(1_200) },
      { subtaskId: "abandoned", kind: "claim", attempts: 3, at: at(700) },
    ];
    const orphans = [
      { id: "rerun", attempts: 1 },
      { id: "finished", attempts: 1 },
      { id: "abandoned", attempts: 3 },
    ];
    expect(rerunLatencies([kill(orphans)], ["daemon-kill"], events)).toEqual({ latenciesMs: [6_500], finishedByItsRun: 1, notRerun: 1 });
    expect(rerunLatencies([kill(orphans)], ["agent-kill"], events)).toEqual({ latenciesMs: [], finishedByItsRun: 0, notRerun: 0 });
  });
});
