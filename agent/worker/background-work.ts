// Work a job starts but need not wait for: it runs on while the agent takes its next job, and the
// agent waits for all of it before it exits. A failure is logged, not retried: such work must be
// what the reconciler repairs anyway (it runs advance() on every running task with nothing in
// flight), so a crash in the middle of it loses nothing either.
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  add(work: Promise<unknown>): void {
    const tracked: Promise<void> = work.then(
      () => {},
      (error: unknown) => this.onError(error),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Resolves once nothing is running, including work added meanwhile. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
