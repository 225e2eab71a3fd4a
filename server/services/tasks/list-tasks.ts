// One page of tasks: filters, full-text search and sort in one SQL query, keyset-paginated on
// (sort key, createdAt, id) so a deep page costs what the first one does. Every shape has an index behind
// it (prisma/migrations/*_task_list_search): see bench/dashboard-queries.ts for the timings. The
// exception is a search with no word in it (an emoji, a symbol), rare enough to read titles and
// prompts in full.
import { Prisma, type Db, type TaskStatus } from "../../db/create-prisma";
import { decodeCursor, effectiveSort, encodeCursor, type ListTasksRequest, type TaskSort } from "./list-tasks-request";

export { InvalidCursorError, TASK_SORTS, TASK_STATUSES, ZListTasksRequestSchema } from "./list-tasks-request";

interface SortShape {
  /** The sort key as SQL over `t` (and `q`, the search query, for relevance). */
  key: Prisma.Sql;
  /** The cursor's key text as a value comparable with `key`. */
  param: (key: string) => Prisma.Sql;
  descending: boolean;
  /** Ties go newest first; a sort on createdAt itself needs no tie-break beyond id. */
  byCreation?: true;
}

const SORTS: Record<TaskSort, SortShape> = {
  newest: { key: Prisma.sql`t."createdAt"`, param: (k) => Prisma.sql`${k}::timestamp`, descending: true, byCreation: true },
  oldest: { key: Prisma.sql`t."createdAt"`, param: (k) => Prisma.sql`${k}::timestamp`, descending: false, byCreation: true },
  // Unfinished tasks have no duration: -1 puts them last, matching the expression index.
  longest: { key: Prisma.sql`COALESCE(t."durationMs", -1)`, param: (k) => Prisma.sql`${k}::integer`, descending: true },
  costliest: { key: Prisma.sql`t."costMicros"`, param: (k) => Prisma.sql`${k}::bigint`, descending: true },
  relevance: { key: Prisma.sql`ts_rank(t."searchVector", q.query)`, param: (k) => Prisma.sql`${k}::real`, descending: true },
};

interface TaskListRow {
  id: string;
  title: string;
  status: TaskStatus;
  priority: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costMicros: bigint;
  creatorId: string | null;
  creatorName: string | null;
  creatorEmail: string | null;
  sortKey: Date | number | bigint;
  sortCreatedAt: Date;
  done: number;
  total: number;
}

function filters(request: ListTasksRequest): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const statuses = request.status === undefined ? [] : [request.status].flat();
  if (statuses.length) where.push(Prisma.sql`t.status = ANY(CAST(${statuses} AS "TaskStatus"[]))`);
  if (request.createdById) where.push(Prisma.sql`t."createdById" = ${request.createdById}`);
  if (request.profileId) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Subtask" s WHERE s."taskId" = t.id AND s."profileId" = ${request.profileId})`);
  }
  if (request.createdFrom) where.push(Prisma.sql`t."createdAt" >= ${request.createdFrom.toISOString()}::timestamp`);
  if (request.createdTo) where.push(Prisma.sql`t."createdAt" < ${request.createdTo.toISOString()}::timestamp`);
  if (request.search) {
    // Text with no word in it (emoji, symbols) gives full-text search nothing to look for: it is found as written.
    where.push(hasWord(request.search) ? Prisma.sql`t."searchVector" @@ q.query` : Prisma.sql`(strpos(t.title, ${request.search}) > 0 OR strpos(t.prompt, ${request.search}) > 0)`);
  }
  return where;
}

const hasWord = (search: string) => /[\p{L}\p{N}]/u.test(search);

/** A bare word at the end is still being typed, so it matches as a prefix ("orche" finds "orchestrate"). */
const PARTIAL_WORD = /(?:^|\s)(or\s+)?([\p{L}\p{N}]+)$/iu;

function searchQuery(search: string) {
  if (!hasWord(search)) return Prisma.sql`''::tsquery`;
  const partial = PARTIAL_WORD.exec(search);
  if (!partial) return Prisma.sql`websearch_to_tsquery('english', ${search})`;
  const [, or, word] = partial;
  const typed = search.slice(0, partial.index);
  return Prisma.sql`websearch_to_tsquery('english', ${typed}) ${Prisma.raw(or ? "||" : "&&")} to_tsquery('english', ${`${word}:*`})`;
}

export async function listTasks(db: Db, request: ListTasksRequest) {
  const sort = effectiveSort(request);
  const shape = SORTS[sort];
  const where = filters(request);
  const tieBreak = shape.byCreation ? Prisma.empty : Prisma.sql`t."createdAt", `;
  if (request.cursor) {
    const cursor = decodeCursor(request.cursor, sort);
    const op = shape.descending ? Prisma.sql`<` : Prisma.sql`>`;
    const createdAt = shape.byCreation ? Prisma.empty : Prisma.sql`${cursor.createdAt}::timestamp, `;
    where.push(Prisma.sql`(${shape.key}, ${tieBreak}t.id) ${op} (${shape.param(cursor.key)}, ${createdAt}${cursor.id})`);
  }
  const direction = shape.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const tieOrder = shape.byCreation ? Prisma.empty : Prisma.sql`t."createdAt" ${direction}, `;
  const search = request.search ? Prisma.sql`, (SELECT ${searchQuery(request.search)} AS query) q` : Prisma.empty;

  const rows = await db.$queryRaw<TaskListRow[]>`
    WITH page AS (
      SELECT t.id, ${shape.key} AS "sortKey", t."createdAt" AS "sortCreatedAt"
      FROM "Task" t ${search}
      ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
      ORDER BY ${shape.key} ${direction}, ${tieOrder}t.id ${direction}
      LIMIT ${request.limit + 1}
    )
    SELECT t.id, t.title, t.status::text AS status, t.priority, t."createdAt", t."startedAt", t."finishedAt",
           t."durationMs", t."inputTokens", t."outputTokens", t."costMicros",
           u.id AS "creatorId", u.name AS "creatorName", u.email AS "creatorEmail",
           page."sortKey", page."sortCreatedAt", progress.done, progress.total
    FROM page
    JOIN "Task" t ON t.id = page.id
    LEFT JOIN "User" u ON u.id = t."createdById"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE s.status = 'SUCCEEDED'))::int AS done
      FROM "Subtask" s WHERE s."taskId" = t.id
    ) progress
    ORDER BY page."sortKey" ${direction}, page."sortCreatedAt" ${direction}, page.id ${direction}`;

  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > request.limit && last ? encodeCursor({ sort, key: cursorKey(last.sortKey), createdAt: last.sortCreatedAt.toISOString(), id: last.id }) : null,
    sort,
  };
}

function cursorKey(value: TaskListRow["sortKey"]): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function toItem(row: TaskListRow) {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    costMicros: BigInt(row.costMicros),
    creator: row.creatorId ? { id: row.creatorId, name: row.creatorName, email: row.creatorEmail ?? "" } : null,
    progress: { done: row.done, total: row.total },
  };
}

export type TaskListItem = ReturnType<typeof toItem>;
