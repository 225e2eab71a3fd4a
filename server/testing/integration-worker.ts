// Vitest setup file for integration tests: points this worker (and every process it starts) at
// its own database.
import { integrationWorkers, workerDatabaseUrl } from "./worker-database";

const worker = Number(process.env.VITEST_POOL_ID ?? 1);
if (worker > integrationWorkers()) throw new Error(`Vitest worker ${worker} has no database: only ${integrationWorkers()} were cloned.`);
process.env.DATABASE_URL = workerDatabaseUrl(process.env.DATABASE_URL!, worker);
