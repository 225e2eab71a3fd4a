// Holds a lock in a transaction of its own until released: for tests of what waits for a lock
// and what does not.
import type { Db, Prisma } from "../db/create-prisma";

type Step = (tx: Prisma.TransactionClient) => Promise<unknown>;

/**
 * Resolves once `take` has run in a new transaction (whose locks last until it commits).
 * `release()` lets the transaction run `beforeCommit`, commit, and resolves after that.
 */
export async function holdLock(db: Db, take: Step, beforeCommit?: Step): Promise<{ release(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await take(tx);
      locked();
      await released;
      await beforeCommit?.(tx);
    },
    { timeout: 20_000 },
  );
  // A `take` that fails rejects the holder before the lock is ever reported taken.
  await Promise.race([lockTaken, holder]);
  return {
    async release() {
      release();
      await holder;
    },
  };
}
