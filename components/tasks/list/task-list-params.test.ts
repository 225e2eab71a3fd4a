import { describe, expect, it } from "vitest";
import { parseTaskListParams, serializeTaskListParams, toListRequest } from "./task-list-params";

const parse = (query: string) => parseTaskListParams(new URLSearchParams(query));

describe("task list URL params", () => {
  it("round-trips every filter, search and sort", () => {
    const query = "?q=billing+report&status=RUNNING%2CFAILED&creator=u1&profile=p1&from=2026-11-01&to=2026-11-07&sort=costliest";
    expect(serializeTaskListParams(parse(query))).toBe(query);
  });

  it("drops what it does not understand instead of failing", () => {
    expect(parse("status=DONE,RUNNING,RUNNING&from=yesterday&to=2026-13-45&sort=random")).toEqual({
      search: "",
      statuses: ["RUNNING"],
      creator: null,
      profile: null,
      from: null,
      to: null,
      sort: null,
    });
    expect(parse("sort=relevance").sort).toBeNull();
    expect(parse("sort=relevance&q=x").sort).toBe("relevance");
  });

  it("turns local days into a half-open range, swapping a reversed one", () => {
    const request = toListRequest(parse("from=2026-11-07&to=2026-11-01"));
    expect(request.createdFrom).toEqual(new Date(2026, 10, 1));
    expect(request.createdTo).toEqual(new Date(2026, 10, 8));
    expect(toListRequest(parse(""))).toEqual({});
  });
});
