// How long a plan takes to run: a list-scheduling simulation of the subtask graph on the fleet.
// A subtask starts when its dependencies are done and an agent of its profile is free; among
// ready subtasks the higher priority goes first, as in the queues. With enough agents this is
// the critical path; with fewer, parallel branches of one profile wait for each other.

export interface SchedulableSubtask {
  seconds: number;
  dependsOn: number[];
  profile: string;
  priority: number;
}

export interface PlanSchedule {
  /** When each subtask starts and ends, in seconds after the first one starts. */
  startSeconds: number[];
  endSeconds: number[];
  totalSeconds: number;
}

/** `agentsPerProfile`: how many subtasks of each profile can run at once (at least one is assumed). */
export function schedulePlan(subtasks: SchedulableSubtask[], agentsPerProfile: ReadonlyMap<string, number>): PlanSchedule {
  const count = subtasks.length;
  const startSeconds = new Array<number>(count).fill(0);
  const endSeconds = new Array<number>(count).fill(0);
  const state = new Array<"waiting" | "running" | "done">(count).fill("waiting");
  const busy = new Map<string, number>();
  const capacity = (profile: string) => Math.max(1, agentsPerProfile.get(profile) ?? 1);
  let now = 0;
  let done = 0;

  while (done < count) {
    const ready = subtasks
      .map((subtask, index) => ({ subtask, index }))
      .filter(({ subtask, index }) => state[index] === "waiting" && subtask.dependsOn.every((dep) => state[dep] === "done"))
      .sort((a, b) => b.subtask.priority - a.subtask.priority || a.index - b.index);
    for (const { subtask, index } of ready) {
      const inUse = busy.get(subtask.profile) ?? 0;
      if (inUse >= capacity(subtask.profile)) continue;
      busy.set(subtask.profile, inUse + 1);
      state[index] = "running";
      startSeconds[index] = now;
      endSeconds[index] = now + subtask.seconds;
    }
    const running = subtasks.map((_, index) => index).filter((index) => state[index] === "running");
    // Nothing running and nothing startable means a cycle; validation refuses those before here.
    if (running.length === 0) throw new Error("The plan cannot be scheduled: its dependencies form a cycle.");
    now = Math.min(...running.map((index) => endSeconds[index]!));
    for (const index of running) {
      if (endSeconds[index] !== now) continue;
      state[index] = "done";
      done++;
      const profile = subtasks[index]!.profile;
      busy.set(profile, (busy.get(profile) ?? 1) - 1);
    }
  }
  return { startSeconds, endSeconds, totalSeconds: now };
}
