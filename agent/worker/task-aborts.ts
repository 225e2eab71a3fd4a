// Abort controllers of the work this agent is running, by task, so a cancel or task timeout
// published on Redis stops the model stream and kills running commands.
export class TaskAborts {
  private controllers = new Map<string, Set<AbortController>>();

  open(taskId: string): { signal: AbortSignal; close(): void } {
    const controller = new AbortController();
    const set = this.controllers.get(taskId) ?? new Set();
    set.add(controller);
    this.controllers.set(taskId, set);
    return {
      signal: controller.signal,
      close: () => {
        set.delete(controller);
        if (set.size === 0) this.controllers.delete(taskId);
      },
    };
  }

  abort(taskId: string, reason: string): void {
    for (const controller of this.controllers.get(taskId) ?? []) controller.abort(new TaskAbortedError(reason));
  }
}

export class TaskAbortedError extends Error {
  override name = "TaskAbortedError";
}
