// Each integration-test worker works on its own copy of the migrated, seeded test database
// (cloned by server/testing/integration-setup.ts), so files that empty tables or count rows
// never see another worker's data. Redis needs no copy: every test uses a key prefix of its own.

/** `baton_test` → `baton_test_w2` for worker 2. */
export function workerDatabaseUrl(url: string, worker: number): string {
  const target = new URL(url);
  target.pathname = `${target.pathname.replace(/_w\d+$/, "")}_w${worker}`;
  return target.toString();
}

/** How many workers the integration project runs (BATON_INTEGRATION_WORKERS, default 3); its
 * config and the database clones agree. */
export function integrationWorkers(): number {
  return Number(process.env.BATON_INTEGRATION_WORKERS ?? 3);
}
