// The task list's state in the URL (search, filters, sort), so a view can be shared and the back
// button walks through it: parsing tolerates anything a person types, and `toRequest` turns it
// into the `task.list` input. Days are the viewer's local calendar days, `to` inclusive.
import { TASK_SORTS, TASK_STATUSES, type TaskSort } from "@/server/services/tasks/list-tasks-request";

export type TaskStatusValue = (typeof TASK_STATUSES)[number];

export interface TaskListParams {
  search: string;
  statuses: TaskStatusValue[];
  creator: string | null;
  profile: string | null;
  /** YYYY-MM-DD */
  from: string | null;
  /** YYYY-MM-DD, inclusive */
  to: string | null;
  /** null: the default (relevance when searching, newest otherwise). */
  sort: TaskSort | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string | null) => (value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : null);

export function parseTaskListParams(query: URLSearchParams): TaskListParams {
  const statuses = (query.get("status") ?? "").split(",").filter((s): s is TaskStatusValue => (TASK_STATUSES as readonly string[]).includes(s));
  const sort = query.get("sort");
  const search = (query.get("q") ?? "").trim().slice(0, 200);
  return {
    search,
    statuses: [...new Set(statuses)],
    creator: query.get("creator") || null,
    profile: query.get("profile") || null,
    from: validDay(query.get("from")),
    to: validDay(query.get("to")),
    // Relevance without a search has nothing to rank: fall back to the default.
    sort: (TASK_SORTS as readonly string[]).includes(sort ?? "") && (sort !== "relevance" || search) ? (sort as TaskSort) : null,
  };
}

export function serializeTaskListParams(params: TaskListParams): string {
  const query = new URLSearchParams();
  if (params.search) query.set("q", params.search);
  if (params.statuses.length) query.set("status", params.statuses.join(","));
  if (params.creator) query.set("creator", params.creator);
  if (params.profile) query.set("profile", params.profile);
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (params.sort) query.set("sort", params.sort);
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const hasFilters = (params: TaskListParams) =>
  Boolean(params.search || params.statuses.length || params.creator || params.profile || params.from || params.to);

const localMidnight = (day: string, addDays = 0) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays);
};

/** The `task.list` input for these params; a reversed date range is swapped rather than refused. */
export function toListRequest(params: TaskListParams) {
  const [from, to] = params.from && params.to && params.from > params.to ? [params.to, params.from] : [params.from, params.to];
  return {
    ...(params.search ? { search: params.search } : {}),
    ...(params.statuses.length ? { status: params.statuses } : {}),
    ...(params.creator ? { createdById: params.creator } : {}),
    ...(params.profile ? { profileId: params.profile } : {}),
    ...(from ? { createdFrom: localMidnight(from) } : {}),
    ...(to ? { createdTo: localMidnight(to, 1) } : {}),
    ...(params.sort ? { sort: params.sort } : {}),
  };
}
