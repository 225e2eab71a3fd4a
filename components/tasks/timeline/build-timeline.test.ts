// The per-agent Gantt geometry: rows, lanes, waiting versus running, live bars and the axis.
import { describe, expect, it } from "vitest";
import { buildTimeline, peakOverlap, timeTicks, type TimelineSubtask } from "./build-timeline";

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);

function subtask(id: string, index: number, fields: { agent?: string; status?: string; queued?: number; started?: number; finished?: number; updated?: number }): TimelineSubtask {
  return {
    id,
    index,
    title: `Subtask ${id}`,
    status: fields.status ?? "SUCCEEDED",
    agentId: fields.agent ?? null,
    profileName: fields.agent ? `profile-of-${fields.agent}` : null,
    queuedAt: fields.queued === undefined ? null : at(fields.queued),
    startedAt: fields.started === undefined ? null : at(fields.started),
    finishedAt: fields.finished === undefined ? null : at(fields.finished),
    updatedAt: at(fields.updated ?? fields.finished ?? fields.started ?? fields.queued ?? 0),
  };
}

describe("buildTimeline", () => {
  it("gives each agent a row, in order of its first start, with wait and run measured from the task's start", () => {
    const timeline = buildTimeline(
      [
        subtask("gather", 0, { agent: "g1", queued: 0, started: 1, finished: 10 }),
        subtask("a1", 1, { agent: "a1", queued: 10, started: 11, finished: 30 }),
        subtask("a2", 2, { agent: "a2", queued: 10, started: 12, finished: 25 }),
        subtask("a3", 3, { agent: "a2", queued: 10, started: 25, finished: 40 }),
      ],
      { now: T0 + 99_000, taskStartedAt: at(0) },
    );
    expect(timeline.origin).toBe(T0);
    expect(timeline.durationMs).toBe(40_000);
    expect(timeline.rows.map((r) => r.agentId)).toEqual(["g1", "a1", "a2"]);
    const a3 = timeline.rows[2]!.bars.find((b) => b.subtask.id === "a3")!;
    expect(a3).toMatchObject({ waitFrom: 10_000, runFrom: 25_000, end: 40_000, waitedMs: 15_000, ranMs: 15_000, live: false });
    expect(timeline.rows[2]!.profileName).toBe("profile-of-a2");
  });

  it("stacks a wait that overlaps the agent's previous run in a second lane", () => {
    const timeline = buildTimeline(
      [subtask("first", 0, { agent: "x", queued: 0, started: 0, finished: 20 }), subtask("second", 1, { agent: "x", queued: 5, started: 20, finished: 30 })],
      { now: T0, taskStartedAt: at(0) },
    );
    const row = timeline.rows[0]!;
    expect(row.lanes).toBe(2);
    expect(row.bars.map((b) => [b.subtask.id, b.lane])).toEqual([
      ["first", 0],
      ["second", 1],
    ]);
  });

  it("keeps back-to-back runs without waits in one lane", () => {
    const timeline = buildTimeline(
      [subtask("first", 0, { agent: "x", started: 0, finished: 20 }), subtask("second", 1, { agent: "x", started: 20, finished: 30 })],
      { now: T0, taskStartedAt: at(0) },
    );
    expect(timeline.rows[0]!.lanes).toBe(1);
  });

  it("grows running and queued bars up to now and puts unstarted subtasks in a waiting row last", () => {
    const now = T0 + 50_000;
    const timeline = buildTimeline(
      [
        subtask("queued", 1, { status: "QUEUED", queued: 20 }),
        subtask("running", 0, { status: "RUNNING", agent: "x", queued: 0, started: 2 }),
        subtask("pending", 2, { status: "PENDING" }),
      ],
      { now, taskStartedAt: at(0) },
    );
    expect(timeline.rows.map((r) => [r.agentId, r.waiting])).toEqual([
      ["x", false],
      [null, true],
    ]);
    expect(timeline.rows[0]!.bars[0]).toMatchObject({ end: 50_000, ranMs: 48_000, waitedMs: 2_000, live: true });
    expect(timeline.rows[1]!.bars[0]).toMatchObject({ waitFrom: 20_000, runFrom: null, end: 50_000, waitedMs: 30_000, ranMs: null, live: true });
    expect(timeline.durationMs).toBe(50_000);
  });

  it("stops a bar handed back without finishing at its last change instead of now", () => {
    const timeline = buildTimeline([subtask("paused", 0, { status: "PENDING", agent: "x", queued: 0, started: 1, updated: 9 })], {
      now: T0 + 600_000,
      taskStartedAt: at(0),
    });
    expect(timeline.rows[0]!.bars[0]).toMatchObject({ end: 9_000, live: false });
  });

  it("counts how many subtasks ran at once", () => {
    const timeline = buildTimeline(
      [
        subtask("a", 0, { agent: "1", started: 0, finished: 10 }),
        subtask("b", 1, { agent: "2", started: 5, finished: 15 }),
        subtask("c", 2, { agent: "3", started: 6, finished: 8 }),
        subtask("d", 3, { agent: "1", started: 15, finished: 20 }),
      ],
      { now: T0, taskStartedAt: at(0) },
    );
    expect(timeline.peakParallel).toBe(3);
  });

  it("is empty before anything was queued", () => {
    expect(buildTimeline([subtask("p", 0, { status: "PENDING" })], { now: T0, taskStartedAt: null })).toMatchObject({ rows: [], ticks: [], durationMs: 0 });
  });
});

describe("timeTicks", () => {
  it("picks a round step with at most six intervals", () => {
    expect(timeTicks(40_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(timeTicks(5_000)).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000]);
    expect(timeTicks(7 * 60_000)).toEqual([0, 2, 4, 6].map((m) => m * 60_000));
  });

  it("falls back to whole hours beyond a day", () => {
    const ticks = timeTicks(10 * 24 * 3_600_000);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[1]! % 3_600_000).toBe(0);
  });
});

describe("peakOverlap", () => {
  it("does not count a run that ends as another begins", () => {
    expect(peakOverlap([{ from: 0, to: 5 }, { from: 5, to: 9 }])).toBe(1);
    expect(peakOverlap([])).toBe(0);
  });
});
