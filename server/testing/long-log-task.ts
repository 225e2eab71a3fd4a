// A finished task with a long log, written straight into PostgreSQL in one statement, for the
// log viewer's browser test and benchmark. Every tenth line is a tool call and the next its
// result, every hundredth a status line, every thousandth an error; text in between, from one
// subtask after another (so text chunks group into rows the way streamed text does).
import type { Db } from "../db/create-prisma";

export async function createLongLogTask(db: Db, { lines, title = "Long log" }: { lines: number; title?: string }) {
  const task = await db.task.create({
    data: {
      title,
      prompt: `Log ${lines} lines`,
      status: "SUCCEEDED",
      logCounter: { create: { seq: lines } },
      resultMarkdown: "Done.",
      subtasks: { create: ["Read the notes", "Summarise", "Write the report"].map((name, index) => ({ index, title: name, instructions: name, capabilities: [], status: "SUCCEEDED" as const })) },
    },
    include: { subtasks: { orderBy: { index: "asc" } } },
  });
  const [s1, s2, s3] = task.subtasks.map((s) => s.id);
  await db.$executeRaw`
    INSERT INTO "LogEvent" ("taskId", seq, "subtaskId", "agentId", kind, level, message, data, "createdAt")
    SELECT ${task.id}, n, (ARRAY[${s1}, ${s2}, ${s3}])[1 + (n / 40) % 3], 'agent-1',
      (CASE WHEN n % 10 = 4 THEN 'TOOL_CALL' WHEN n % 10 = 5 THEN 'TOOL_RESULT' WHEN n % 100 = 50 THEN 'STATUS'
            WHEN n % 1000 = 999 THEN 'ERROR' ELSE 'TEXT' END)::"LogKind",
      (CASE WHEN n % 1000 = 999 THEN 'ERROR' ELSE 'INFO' END)::"LogLevel",
      CASE WHEN n % 10 = 4 THEN 'read_file({"path":"notes/part-' || n || '.md"})'
           WHEN n % 10 = 5 THEN 'read_file → contents of part ' || n
           ELSE 'Line ' || n || ' of a long run: the agent reads, thinks and writes.' || E'\n' END,
      CASE WHEN n % 10 = 4 THEN jsonb_build_object('id', 'c' || n, 'name', 'read_file', 'input', jsonb_build_object('path', 'notes/part-' || n || '.md'))
           WHEN n % 10 = 5 THEN jsonb_build_object('id', 'c' || n, 'name', 'read_file', 'isError', false, 'content', 'contents of part ' || n) END,
      now() - make_interval(secs => (${lines} - n) * 0.05)
    FROM generate_series(1, ${lines}::int) AS n`;
  return task;
}
