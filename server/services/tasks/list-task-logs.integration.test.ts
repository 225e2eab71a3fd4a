// Log pages against the real database: forward and backward pages, data left out on request and
// fetched for one line, and the plan PostgreSQL picks for a page of a long log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { appendLogs } from "../logs/append-logs";
import { listTaskLogs, ZTaskLogsRequestSchema } from "./list-task-logs";

const deps = createTestDeps("list-task-logs");
afterAll(() => deps.close());

let taskId: string;
const page = (input: Record<string, unknown>) => listTaskLogs(deps.db, ZTaskLogsRequestSchema.parse({ id: taskId, ...input }));
const seqs = (items: { seq: number }[]) => items.map((item) => item.seq);

beforeAll(async () => {
  await resetData(deps);
  ({ id: taskId } = await deps.db.task.create({ data: { title: "Logs", prompt: "Log a lot" } }));
  await appendLogs(
    deps.sql,
    taskId,
    Array.from({ length: 10 }, (_, i) =>
      i % 3 === 0
        ? { kind: "TOOL_CALL" as const, message: `read_file(${i})`, data: { name: "read_file", input: { path: `f${i}.txt` } } }
        : { kind: "TEXT" as const, message: `line ${i + 1}` },
    ),
  );
});

describe("listTaskLogs", () => {
  it("pages forward after a seq", async () => {
    const first = await page({ afterSeq: 0, limit: 4 });
    expect(seqs(first.items)).toEqual([1, 2, 3, 4]);
    expect(first.hasMore).toBe(true);
    const last = await page({ afterSeq: 8, limit: 4 });
    expect(seqs(last.items)).toEqual([9, 10]);
    expect(last.hasMore).toBe(false);
  });

  it("pages backward from the newest line, each page in ascending order", async () => {
    const tail = await page({ direction: "backward", limit: 4 });
    expect(seqs(tail.items)).toEqual([7, 8, 9, 10]);
    expect(tail.hasMore).toBe(true);
    const older = await page({ direction: "backward", beforeSeq: 7, limit: 4 });
    expect(seqs(older.items)).toEqual([3, 4, 5, 6]);
    const oldest = await page({ direction: "backward", beforeSeq: 3, limit: 4 });
    expect(seqs(oldest.items)).toEqual([1, 2]);
    expect(oldest.hasMore).toBe(false);
  });

  it("leaves data out when asked and says which lines had some", async () => {
    const { items } = await page({ limit: 4, withData: false });
    expect(items.map((item) => [item.data, item.dataOmitted])).toEqual([
      [null, true],
      [null, false],
      [null, false],
      [null, true],
    ]);
    const one = await page({ afterSeq: 3, limit: 1 });
    expect(one.items[0]).toMatchObject({ seq: 4, kind: "TOOL_CALL", data: { name: "read_file", input: { path: "f3.txt" } }, dataOmitted: false });
    expect(one.items[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("reads a page of a long log through the (taskId, seq) index", async () => {
    await deps.db.$executeRaw`
      INSERT INTO "LogEvent" ("taskId", seq, kind, level, message)
      SELECT ${taskId}, 10 + n, 'TEXT', 'INFO', 'bulk ' || n FROM generate_series(1, 20000) AS n`;
    await deps.db.$executeRaw`ANALYZE "LogEvent"`;
    const plan = await deps.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT seq, message, data FROM "LogEvent" WHERE "taskId" = '${taskId}' AND seq > 0 AND seq < 15000 ORDER BY seq DESC LIMIT 5000`,
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Index (Only )?Scan Backward using "LogEvent_taskId_seq_key"/);
    const tail = await page({ direction: "backward", limit: 5000, withData: false });
    expect(tail.items).toHaveLength(5000);
    expect(tail.items.at(-1)!.seq).toBe(20010);
  });
});
