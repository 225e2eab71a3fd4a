// Turns what a chaos run recorded into its summary: the invariants (each broken one is a failure
// with a message) and the goals (measured and printed).
import type { SubtaskEvent } from "./audit";
import type { FaultKind, FaultRecord } from "./faults";
import type { HealthObservation } from "./health-probe";

export const percentile = (values: number[], p: number) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]! : NaN;

export interface RerunLatencies {
  latenciesMs: number[];
  /** Its run recorded its result anyway: it ended between the look at the held subtasks and the kill, or (a daemon's death) before the agent heard of it. */
  finishedByItsRun: number;
  /** Neither run again nor finished: the task ended first. */
  notRerun: number;
}

/** For every subtask a killed process held: the time from the kill to its next claim. */
export function rerunLatencies(faults: FaultRecord[], kinds: FaultKind[], events: SubtaskEvent[]): RerunLatencies {
  const out: RerunLatencies = { latenciesMs: [], finishedByItsRun: 0, notRerun: 0 };
  for (const fault of faults.filter((f) => kinds.includes(f.kind))) {
    for (const orphan of fault.orphans) {
      const next = events.find((e) => e.kind === "claim" && e.subtaskId === orphan.id && e.attempts > orphan.attempts);
      if (next) out.latenciesMs.push(next.at.getTime() - fault.at);
      else if (events.some((e) => e.kind === "result" && e.subtaskId === orphan.id && e.attempts === orphan.attempts)) out.finishedByItsRun++;
      else out.notRerun++;
    }
  }
  return out;
}

/** Claims beyond the first, per subtask, and subtasks with more than one recorded result. */
export function runCounts(events: SubtaskEvent[]): { extraRuns: number; duplicateResults: string[] } {
  const claims = new Map<string, number>();
  const results = new Map<string, number>();
  for (const event of events) {
    const map = event.kind === "claim" ? claims : results;
    map.set(event.subtaskId, (map.get(event.subtaskId) ?? 0) + 1);
  }
  let extraRuns = 0;
  for (const n of claims.values()) extraRuns += n - 1;
  return { extraRuns, duplicateResults: [...results].filter(([, n]) => n > 1).map(([id]) => id) };
}

/** Time from a Redis comeback (restart, flush, long outage) to the next subtask claimed by any agent. */
export function redisRecoveries(faults: FaultRecord[], events: SubtaskEvent[]): { kind: FaultKind; downMs: number; waitingWork: number; resumeMs: number | null }[] {
  const claims = events.filter((e) => e.kind === "claim");
  return faults
    .filter((f) => f.kind === "redis-restart" || f.kind === "redis-flush" || f.kind === "redis-long-outage")
    .map((f) => {
      const next = claims.find((c) => c.at.getTime() >= f.restoredAt!);
      return { kind: f.kind, downMs: f.restoredAt! - f.at, waitingWork: f.waitingWork ?? 0, resumeMs: next ? next.at.getTime() - f.restoredAt! : null };
    });
}

export interface OutageReport {
  kind: FaultKind;
  downMs: number;
  observed: number;
  red: number;
}

/** What /api/health said during each Redis or PostgreSQL outage (observations fully inside it). */
export function healthDuringOutages(faults: FaultRecord[], observations: HealthObservation[]): OutageReport[] {
  const dependency: Partial<Record<FaultKind, string>> = { "redis-restart": "redis", "redis-long-outage": "redis", "postgres-restart": "database" };
  return faults.flatMap((f) => {
    const name = dependency[f.kind];
    if (!name) return [];
    // A request counts when it was sent and answered while the service was surely down: after
    // the stop command returned and before the start command began (the service can answer
    // before its start command returns). Unanswered probes (the web server itself busy or
    // restarting) say nothing either way.
    const down = f.surelyDown!;
    const inside = observations.filter((o) => o.status !== null && o.at >= down.from && o.doneAt <= down.until);
    return [{ kind: f.kind, downMs: f.restoredAt! - f.at, observed: inside.length, red: inside.filter((o) => o.status === 503 && o.down.includes(name)).length }];
  });
}
