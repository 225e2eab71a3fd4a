// Runs one analytics query with PostgreSQL's JIT compiler off and room to sort in memory. The
// planner turns JIT on for any query over a few hundred thousand rows, and compiling then costs
// more (100+ ms) than these aggregates take to run; percentiles sort every duration in the range,
// which spills to disk under the default 4 MB of work_mem.
import type { Db, Prisma } from "../../db/create-prisma";

/** Long ranges on a busy database can take a few seconds; Prisma's default would abort at 5. */
const TIMEOUT_MS = 30_000;

export function runAggregate<Row>(db: Db, query: Prisma.Sql): Promise<Row[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      return tx.$queryRaw<Row[]>(query);
    },
    { timeout: TIMEOUT_MS, maxWait: TIMEOUT_MS },
  );
}
