// The scale seed's SQL, one set-based statement per step (generate_series INSERT … SELECT), so
// PostgreSQL builds 100,000 tasks and 2,000,000 log events itself instead of taking them row by
// row. Ids are derived from md5 of the row's number, so a task's subtask ids can be recomputed
// where logs need them without a join. setseed() makes every run produce the same data.

export const TASK_COUNT = 100_000;
/** The task the log viewer is checked against; its id is printed at the end. */
export const LOG_HEAVY_TASK_ID = "cscale0log0heavy000000001";
export const LOG_HEAVY_LINES = 50_000;
/** Average log lines of the other tasks (5..34), which brings the total to about 2,000,000. */
const LOG_LINES_MIN = 5;
const LOG_LINES_SPREAD = 30;

const taskId = (g: string) => `CASE WHEN ${g} = 1 THEN '${LOG_HEAVY_TASK_ID}' ELSE 'c' || substr(md5('task' || ${g}), 1, 24) END`;
const subtaskId = (g: string, i: string) => `'c' || substr(md5('sub' || ${g} || '-' || ${i}), 1, 24)`;
const pick = (values: string[], r: string) => `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}])[1 + floor(${r} * ${values.length})::int]`;

const VERBS = ["Review", "Summarise", "Refactor", "Audit", "Document", "Benchmark", "Migrate", "Triage", "Test", "Translate", "Analyse", "Draft", "Compare", "Profile", "Clean up", "Plan", "Investigate", "Upgrade", "Index", "Fix"];
const OBJECTS = ["the billing service", "the onboarding flow", "the payments API", "last week's incidents", "the search ranking", "the mobile release notes", "the data pipeline", "the auth module", "customer feedback", "the pricing page", "the test suite", "the deployment scripts", "the quarterly report", "the error handling", "the caching layer", "the GraphQL schema", "the support macros", "the invoice exports", "the Kubernetes manifests", "the analytics dashboard", "the localisation files", "the CI pipeline", "the database indexes", "the rate limiter", "the email templates"];
const CONTEXTS = ["before the release", "for the EU launch", "for the board meeting", "after the outage", "for the security review", "with concrete fixes", "and list the risks", "for new hires", "in under a page", "with benchmarks"];
const DETAILS = ["Keep the tone neutral and cite the files you read.", "Write the result as a markdown report with a summary first.", "Flag anything that needs a human decision.", "Prefer small, reviewable changes.", "Include numbers wherever you can measure them.", "Check the edge cases around time zones and currencies."];
const FAILURES = [
  'Subtask #3 "Run the test suite" failed: the command exited with code 1 (4 tests failing).',
  "The plan was invalid twice: subtask 4 depends on itself.",
  "The task ran past its time limit of 30 minutes.",
  "The agent was killed for using more than 512 MB and no attempts were left.",
  "Claude answered 529 (overloaded) after 3 retries.",
  'Subtask #2 "Fetch the data" failed: network access is not allowed for this profile.',
  "The write to report.md was refused: another subtask held the file.",
];
const TOOLS = ["read_file", "list_files", "write_file", "run_command", "share_data", "get_shared_data"];
const PATHS = ["src/index.ts", "README.md", "docs/architecture.md", "package.json", "src/billing/invoice.ts", "data/incidents.csv", "report.md", "tests/api.test.ts"];
const TEXTS = [
  "Reading the files that matter for this step first.",
  "The module has three entry points; the billing one carries most of the logic.",
  "Two of the tests depend on the system time zone, which explains the flaky runs.",
  "Summary so far: the cache hit rate drops after each deploy because keys include the build id.",
  "I will write the findings to report.md and hand the numbers to the next subtask.",
  "The error handling swallows the original cause in four places; listing them below.",
  "Comparing the two approaches on the sample data before choosing one.",
  "The CSV has 1,204 rows; 37 have an empty currency column.",
];
const CANCELLERS = "'Cancelled by person' || (1 + floor(r_reason * 34)::int) || '@scale.example.'";

export interface SeedStep {
  label: string;
  sql: string;
}

export const SEED_STEPS: SeedStep[] = [
  {
    label: "people (40) and agent processes (24)",
    sql: `
      INSERT INTO "User" (id, email, name, role, "createdAt")
      SELECT 'scale-user-' || g, 'person' || g || '@scale.example',
             ${pick(["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Donald", "Frances", "Linus"], "((g - 1) % 10) / 10.0")} || ' ' ||
             ${pick(["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Hamilton", "Knuth"], "(((g - 1) / 10) % 8) / 8.0")},
             (CASE WHEN g = 1 THEN 'OWNER' WHEN g <= 4 THEN 'ADMIN' WHEN g <= 34 THEN 'MEMBER' ELSE 'VIEWER' END)::"Role",
             now() - interval '120 days'
      FROM generate_series(1, 40) g;
      CREATE TEMP TABLE scale_profile AS
      SELECT row_number() OVER (ORDER BY name) - 1 AS n, id, name, capabilities,
             CASE name WHEN 'analyst' THEN 'claude-opus-5' WHEN 'tester' THEN 'claude-haiku-5' ELSE 'claude-sonnet-5' END AS model
      FROM "AgentProfile";
      INSERT INTO "AgentProcess" (id, host, pid, "profileId", state, "stateChangedAt", restarts, "exitCode", "startedAt", "endedAt")
      SELECT 'scale-agent-' || p.name || '-' || a, 'worker-' || (1 + a % 2), 4000 + p.n * 10 + a, p.id, 'EXITED', now() - interval '1 day',
             a % 3, 0, now() - interval '91 days', now() - interval '1 day'
      FROM scale_profile p CROSS JOIN generate_series(1, 6) a;`,
  },
  {
    label: `${TASK_COUNT.toLocaleString("en-US")} tasks: statuses, times, creators`,
    sql: `
      CREATE TEMP TABLE scale_task AS
      SELECT g, ${taskId("g")} AS id, random() AS r_status, random() AS r_age, random() AS r_dur, random() AS r_creator,
             random() AS r_t1, random() AS r_t2, random() AS r_t3, random() AS r_sub, random() AS r_logs, random() AS r_reason
      FROM generate_series(1, ${TASK_COUNT}) g;
      ALTER TABLE scale_task ADD COLUMN status "TaskStatus", ADD COLUMN subtasks int, ADD COLUMN log_lines int,
        ADD COLUMN created timestamp, ADD COLUMN started timestamp, ADD COLUMN finished timestamp, ADD COLUMN creator text;
      UPDATE scale_task SET status = (CASE
          WHEN g = 1 THEN 'SUCCEEDED'
          WHEN r_status < 0.002 THEN 'PLANNING' WHEN r_status < 0.012 THEN 'RUNNING' WHEN r_status < 0.013 THEN 'FINALIZING'
          WHEN r_status < 0.015 THEN 'BUDGET_REACHED' WHEN r_status < 0.095 THEN 'FAILED' WHEN r_status < 0.135 THEN 'CANCELLED'
          ELSE 'SUCCEEDED' END)::"TaskStatus";
      UPDATE scale_task SET
        subtasks = CASE WHEN status = 'PLANNING' THEN 0 ELSE 2 + floor(r_sub * 5)::int END,
        log_lines = CASE WHEN g = 1 THEN ${LOG_HEAVY_LINES} ELSE ${LOG_LINES_MIN} + floor(r_logs * ${LOG_LINES_SPREAD})::int END,
        -- Open tasks are recent; finished ones spread over 90 days, more of them lately.
        created = date_trunc('milliseconds', CASE WHEN status IN ('PLANNING', 'RUNNING', 'FINALIZING', 'BUDGET_REACHED')
          THEN (now() AT TIME ZONE 'UTC') - r_age * interval '3 hours'
          ELSE (now() AT TIME ZONE 'UTC') - interval '3 hours' - power(r_age, 1.3) * interval '87 days' END);
      UPDATE scale_task SET started = CASE WHEN status = 'PLANNING' THEN NULL ELSE created + (3 + r_sub * 20) * interval '1 second' END;
      -- Durations are log-normal-ish: a minute to a few hours, failures tend to be shorter.
      UPDATE scale_task SET finished = CASE WHEN status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
        THEN started + (30 + exp(r_dur * CASE WHEN status = 'SUCCEEDED' THEN 6 ELSE 4.5 END) * 20) * interval '1 second' END;
      UPDATE scale_task SET creator = 'scale-user-' || (1 + floor(power(r_creator, 2) * 34)::int);`,
  },
  {
    label: "subtasks (2-6 per planned task), still in a scratch table",
    sql: `
      CREATE TEMP TABLE scale_sub AS
      SELECT ${subtaskId("t.g", "i")} AS id, t.id AS "taskId", t.creator, i AS index,
             ${pick(["Collect the inputs", "Read the relevant files", "Analyse the findings", "Run the test suite", "Draft the report", "Review the draft"], "((i + t.g) % 6) / 6.0")} AS title,
             p.capabilities, p.model, 60 + (i * 37 + t.g) % 600 AS estimate, s.status::"SubtaskStatus" AS status,
             CASE WHEN s.status = 'FAILED' THEN 'The command exited with code 1.' END AS reason,
             p.id AS "profileId", CASE WHEN s.status IN ('PENDING', 'QUEUED', 'SKIPPED') THEN NULL ELSE 'scale-agent-' || p.name || '-' || (1 + (t.g + i) % 6) END AS "agentId",
             CASE WHEN s.status IN ('PENDING', 'QUEUED', 'SKIPPED') THEN 0 WHEN s.status = 'FAILED' THEN 3 ELSE 1 END AS attempts,
             CASE WHEN s.status = 'SUCCEEDED' THEN 'Finished the step; the output is attached.' END AS summary,
             w.q AS queued, w.s AS started, w.f AS finished, t.started AS created
      FROM scale_task t
      CROSS JOIN LATERAL generate_series(0, t.subtasks - 1) i
      -- Profiles: generalist about half, the others share the rest.
      JOIN scale_profile p ON p.n = (CASE WHEN ((t.g * 7 + i * 13) % 20) < 9 THEN (SELECT n FROM scale_profile WHERE name = 'generalist')
                                          ELSE ((t.g * 7 + i * 13) % 20) % (SELECT count(*) FROM scale_profile) END)
      CROSS JOIN LATERAL (SELECT CASE
          WHEN t.status IN ('SUCCEEDED', 'FINALIZING') THEN 'SUCCEEDED'
          WHEN t.status = 'FAILED' THEN CASE WHEN i < t.subtasks - 1 - (t.g % 2) THEN 'SUCCEEDED' WHEN i = t.subtasks - 1 - (t.g % 2) THEN 'FAILED' ELSE 'SKIPPED' END
          WHEN t.status = 'CANCELLED' THEN CASE WHEN i < t.subtasks / 2 THEN 'SUCCEEDED' ELSE 'CANCELLED' END
          WHEN t.status = 'RUNNING' THEN CASE WHEN i < t.subtasks / 3 THEN 'SUCCEEDED' WHEN i < t.subtasks / 3 + 2 THEN 'RUNNING' ELSE 'PENDING' END
          ELSE CASE WHEN i < t.subtasks / 2 THEN 'SUCCEEDED' ELSE 'PENDING' END END AS status) s
      -- Each subtask gets its slice of the task's run time.
      CROSS JOIN LATERAL (SELECT
          CASE WHEN s.status = 'PENDING' THEN NULL ELSE t.started + (COALESCE(t.finished, now() AT TIME ZONE 'UTC') - t.started) * (i::float / t.subtasks) END AS q) q0
      CROSS JOIN LATERAL (SELECT q0.q AS q,
          CASE WHEN s.status IN ('PENDING', 'SKIPPED') THEN NULL ELSE q0.q + interval '2 seconds' END AS s,
          CASE WHEN s.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') THEN q0.q + (COALESCE(t.finished, now() AT TIME ZONE 'UTC') - t.started) * (0.9 / t.subtasks) END AS f) w
      WHERE t.subtasks > 0;`,
  },
  {
    label: "model calls (a plan call per task, 1-3 per started subtask), still in a scratch table",
    sql: `
      CREATE TEMP TABLE scale_call AS
      SELECT 'c' || substr(md5('call' || row_number() OVER ()), 1, 24) AS id, c.*,
             (c.input * m."inputMicrosPerMTok" + c.output * m."outputMicrosPerMTok" + c.cw * m."cacheWriteMicrosPerMTok" + c.cr * m."cacheReadMicrosPerMTok") / 1000000 AS cost
      FROM (
        SELECT t.id AS "taskId", NULL AS "subtaskId", (SELECT id FROM scale_profile WHERE name = 'generalist') AS "profileId",
               t.creator AS "userId", NULL AS "agentId", 'claude-sonnet-5' AS model,
               3000 + floor(random() * 4000)::int AS input, 600 + floor(random() * 1500)::int AS output, 2500 AS cw, 0 AS cr,
               true AS last, t.created + interval '2 seconds' AS at
        FROM scale_task t WHERE t.status <> 'PLANNING'
        UNION ALL
        SELECT s."taskId", s.id, s."profileId", s.creator, s."agentId", s.model,
               2000 + floor(random() * 30000)::int, 150 + floor(random() * 3000)::int,
               CASE WHEN k = 1 THEN 1800 ELSE 0 END, CASE WHEN k > 1 THEN 1800 + floor(random() * 6000)::int ELSE 0 END,
               k = 1 + s.index % 3, s.started + (k - 1) * interval '20 seconds'
        FROM scale_sub s CROSS JOIN LATERAL generate_series(1, 1 + s.index % 3) k
        WHERE s.started IS NOT NULL
      ) c JOIN "ModelPrice" m ON m.model = c.model;
      CREATE TEMP TABLE scale_spend AS
      SELECT "taskId", "subtaskId", GROUPING("subtaskId") = 1 AS whole_task, sum(input)::int AS i, sum(output)::int AS o, sum(cw)::int AS cw, sum(cr)::int AS cr, sum(cost)::bigint AS c
      FROM scale_call GROUP BY GROUPING SETS (("taskId"), ("taskId", "subtaskId"));`,
  },
  {
    label: "tasks with their spend and the plans' estimates",
    sql: `
      INSERT INTO "Task" (id, title, prompt, priority, status, "statusReason", "createdById", "resultMarkdown", "planAttempts",
                          "inputTokens", "outputTokens", "cacheWriteTokens", "cacheReadTokens", "costMicros",
                          "estimatedTokens", "estimatedCostMicros", "estimatedSeconds",
                          "timeoutAt", "createdAt", "startedAt", "finishedAt", "updatedAt")
      SELECT t.id,
             CASE WHEN g = 1 THEN 'Log-heavy: replay the full build log of the monorepo' ELSE
               ${pick(VERBS, "r_t1")} || ' ' || ${pick(OBJECTS, "r_t2")} || ' ' || ${pick(CONTEXTS, "r_t3")} END,
             ${pick(VERBS, "r_t1")} || ' ' || ${pick(OBJECTS, "r_t2")} || ' ' || ${pick(CONTEXTS, "r_t3")} || '. ' ||
               ${pick(DETAILS, "r_t3 * 0.7 + r_t1 * 0.3")} || ' ' || ${pick(DETAILS, "r_reason")},
             CASE WHEN r_t3 < 0.7 THEN 5 ELSE 1 + floor(r_t2 * 10)::int END,
             status,
             CASE status WHEN 'FAILED' THEN ${pick(FAILURES, "r_reason")}
                         WHEN 'CANCELLED' THEN ${CANCELLERS}
                         WHEN 'BUDGET_REACHED' THEN 'The next model call could pass the budget of $2.00.' END,
             creator,
             CASE WHEN status = 'SUCCEEDED' THEN '## Result' || chr(10) || chr(10) || 'Done: see the subtask summaries.' END,
             CASE WHEN status = 'PLANNING' THEN 0 ELSE 1 END,
             COALESCE(a.i, 0), COALESCE(a.o, 0), COALESCE(a.cw, 0), COALESCE(a.cr, 0), COALESCE(a.c, 0),
             -- The plan's estimate lands within ±30% of what it cost (±40% of the time it took).
             ((a.i + a.o) * (0.7 + r_dur * 0.6))::int, (a.c * (0.7 + r_age * 0.6))::bigint,
             (EXTRACT(EPOCH FROM COALESCE(finished, created + interval '30 minutes') - started) * (0.6 + r_sub * 0.8))::int,
             created + interval '30 minutes', created, started, finished, COALESCE(finished, created)
      FROM scale_task t LEFT JOIN scale_spend a ON a."taskId" = t.id AND a.whole_task;`,
  },
  {
    label: "subtasks with their spend",
    sql: `
      INSERT INTO "Subtask" (id, "taskId", index, title, instructions, capabilities, priority, "estimateSeconds", status, "statusReason",
                             "profileId", "agentId", attempts, summary, "inputTokens", "outputTokens", "cacheWriteTokens", "cacheReadTokens",
                             "costMicros", "queuedAt", "startedAt", "finishedAt", "createdAt", "updatedAt")
      SELECT s.id, s."taskId", s.index, s.title, 'Do this step of the task and hand your output to the next one.', s.capabilities, 5, s.estimate,
             s.status, s.reason, s."profileId", s."agentId", s.attempts, s.summary,
             COALESCE(a.i, 0), COALESCE(a.o, 0), COALESCE(a.cw, 0), COALESCE(a.cr, 0), COALESCE(a.c, 0),
             s.queued, s.started, s.finished, s.created, COALESCE(s.finished, s.created)
      FROM scale_sub s LEFT JOIN scale_spend a ON a."subtaskId" = s.id AND NOT a.whole_task;`,
  },
  {
    label: "model calls",
    sql: `
      INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, "inputTokens", "outputTokens",
                               "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "stopReason", "createdAt")
      SELECT id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, input, output, cw, cr, cost,
             800 + output * 12, CASE WHEN last THEN 'end_turn' ELSE 'tool_use' END, at
      FROM scale_call;`,
  },
  // Bulk rows may bypass the rollup's triggers (session_replication_role): refill it from ModelCall.
  { label: "model-call rollups per hour and day", sql: `SELECT rebuild_model_call_rollup();` },
  // Likewise for the task, subtask and agent rollups the analytics page reads.
  { label: "analytics rollups per hour (outcomes, duration histograms, agent time)", sql: `SELECT rebuild_analytics_rollups();` },
  {
    label: "log events (about 2,000,000, 50,000 on the log-heavy task)",
    sql: `
      INSERT INTO "LogEvent" ("taskId", seq, "subtaskId", "agentId", kind, level, message, data, "createdAt")
      SELECT t.id, n,
             CASE WHEN t.subtasks > 0 THEN ${subtaskId("t.g", "((n - 1) * t.subtasks / t.log_lines)")} END,
             CASE WHEN t.subtasks > 0 THEN 'scale-agent-generalist-' || (1 + (t.g + n) % 6) END,
             k.kind::"LogKind",
             (CASE WHEN k.kind = 'ERROR' THEN 'ERROR' WHEN n % 97 = 0 THEN 'WARN' ELSE 'INFO' END)::"LogLevel",
             CASE k.kind
               WHEN 'TOOL_CALL' THEN k.tool || '({"path":"' || k.path || '"})'
               WHEN 'TOOL_RESULT' THEN k.tool || ' → ' || (120 + (n * 37) % 4000) || ' bytes'
               WHEN 'STATUS' THEN 'Step ' || n || ' of ' || t.log_lines || ' done.'
               WHEN 'ERROR' THEN ${pick(FAILURES, "((t.g % 7) / 7.0)")}
               ELSE ${pick(TEXTS, "((n * 7 + t.g) % 8) / 8.0")} END,
             CASE WHEN k.kind = 'TOOL_CALL' THEN jsonb_build_object('id', 'toolu_' || n, 'name', k.tool, 'input', jsonb_build_object('path', k.path)) END,
             t.created + (COALESCE(t.finished, now() AT TIME ZONE 'UTC') - t.created) * (n::float / t.log_lines)
      FROM scale_task t
      CROSS JOIN LATERAL generate_series(1, t.log_lines) n
      CROSS JOIN LATERAL (SELECT
          CASE WHEN t.status = 'FAILED' AND n = t.log_lines THEN 'ERROR'
               WHEN n % 5 = 1 THEN 'TOOL_CALL' WHEN n % 5 = 2 THEN 'TOOL_RESULT' WHEN n % 10 = 0 THEN 'STATUS' ELSE 'TEXT' END AS kind,
          ${pick(TOOLS, "((n / 5 + t.g) % 6) / 6.0")} AS tool,
          ${pick(PATHS, "((n + t.g) % 8) / 8.0")} AS path) k;`,
  },
  {
    label: "log counters",
    sql: `INSERT INTO "TaskLogCounter" ("taskId", seq) SELECT id, log_lines FROM scale_task WHERE log_lines > 0;`,
  },
  // One table per statement: VACUUM cannot run inside the implicit transaction of a multi-statement query.
  ...["User", "Task", "TaskLogCounter", "Subtask", "ModelCall", "LogEvent", "AgentProcess", "TaskOutcomeRollup", "DurationRollup", "AgentTimeRollup"].map((table) => ({ label: `statistics and visibility map (VACUUM ANALYZE "${table}")`, sql: `VACUUM (ANALYZE) "${table}"` })),
];
