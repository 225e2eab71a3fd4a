// Runs one analytics query with PostgreSQL's JIT compiler off. The planner's estimates for
// set-returning functions (hour_pieces() cutting live agents into hours assumes 1,000 rows a
// call) push some of these queries over jit_above_cost, and compiling then costs more (100+ ms)
// than the queries take to run: they read a few thousand rollup rows.
import type { Db, Prisma } from "../../db/create-prisma";

/** Long ranges on a busy database can take a few seconds; Prisma's default would abort at 5. */
const TIMEOUT_MS = 30_000;

export function runAggregate<Row>(db: Db, query: Prisma.Sql): Promise<Row[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      return tx.$queryRaw<Row[]>(query);
    },
    { timeout: TIMEOUT_MS, maxWait: TIMEOUT_MS },
  );
}
