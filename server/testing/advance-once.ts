// Child process for the concurrency test: waits for a go signal, then calls advance() once.
import { createTestDepsForPrefix } from "./test-deps";
import { advance } from "../services/orchestration/advance";

const [taskId, prefix] = process.argv.slice(2);
const deps = createTestDepsForPrefix(prefix!);
await deps.db.$queryRaw`SELECT 1`;
process.send?.("ready");
process.once("message", async () => {
  const result = await advance(deps, taskId!);
  process.send?.(result, () => void deps.close({ keepKeys: true }).then(() => process.exit(0)));
});
