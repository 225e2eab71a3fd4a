// What a task list request may ask for (filters, search, sort, page) and the opaque cursor that
// carries a page's last sort key, so every sort pages by keyset instead of by offset.
import { z } from "zod";

export const TASK_STATUSES = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;

/** `relevance` ranks full-text matches and needs a search; the others work with or without one. */
export const TASK_SORTS = ["relevance", "newest", "oldest", "longest", "costliest"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

const ZStatus = z.enum(TASK_STATUSES);
const ZId = z.string().min(1, "name one").max(64);
const ZDate = z.coerce.date({ error: "is not a date (use an ISO date such as 2026-11-29)" });

export const ZListTasksRequestSchema = z
  .object({
    /** One status or several (any of them). */
    status: z
      .union([ZStatus, z.array(ZStatus).min(1, "name at least one status").max(TASK_STATUSES.length)], {
        error: (issue) => (issue.code === "invalid_union" && issue.errors.some((e) => e.some((i) => i.code === "too_small")) ? "name at least one status" : `must be one of ${TASK_STATUSES.join(", ")}, or a list of them`),
      })
      .optional(),
    createdById: ZId.optional(),
    /** Tasks with at least one subtask routed to this agent profile. */
    profileId: ZId.optional(),
    createdFrom: ZDate.optional(),
    /** Exclusive upper bound. */
    createdTo: ZDate.optional(),
    /** Web-search syntax over title and prompt: words, "quoted phrases", -excluded, or; the last word may be partly typed. */
    search: z.string().trim().max(200, "is longer than 200 characters").optional(),
    sort: z.enum(TASK_SORTS).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(200).optional(),
  })
  .superRefine((request, ctx) => {
    if (request.createdFrom && request.createdTo && request.createdTo <= request.createdFrom) {
      ctx.addIssue({ code: "custom", path: ["createdTo"], message: "must be after createdFrom" });
    }
    if (request.sort === "relevance" && !request.search) {
      ctx.addIssue({ code: "custom", path: ["sort"], message: "relevance needs a search" });
    }
  });

export type ListTasksRequest = z.output<typeof ZListTasksRequestSchema>;

/** The sort a request gets: relevance when searching, newest first otherwise. */
export function effectiveSort(request: Pick<ListTasksRequest, "sort" | "search">): TaskSort {
  return request.sort ?? (request.search ? "relevance" : "newest");
}

/**
 * A page boundary under the sort that produced it: the last row's sort key (as text), its
 * creation time (ties in rank, cost or duration go newest first) and its id.
 */
export interface TaskCursor {
  sort: TaskSort;
  key: string;
  createdAt: string;
  id: string;
}

export class InvalidCursorError extends Error {
  constructor(cursor: string, why: string) {
    super(`cursor: "${cursor.slice(0, 40)}" ${why}; start again without a cursor.`);
  }
}

export function encodeCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.createdAt, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string, sort: TaskSort): TaskCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError(raw, "is not a cursor from this list");
  }
  const shape = z.tuple([z.enum(TASK_SORTS), z.string().max(64), z.iso.datetime(), z.string().min(1).max(64)]).safeParse(parsed);
  if (!shape.success) throw new InvalidCursorError(raw, "is not a cursor from this list");
  const [cursorSort, key, createdAt, id] = shape.data;
  if (cursorSort !== sort) throw new InvalidCursorError(raw, `belongs to the "${cursorSort}" order, not "${sort}"`);
  const valid = sort === "newest" || sort === "oldest" ? !Number.isNaN(Date.parse(key)) : /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(key);
  if (!valid) throw new InvalidCursorError(raw, "is not a cursor from this list");
  return { sort, key, createdAt, id };
}
