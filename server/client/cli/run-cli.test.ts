// The CLI end to end against a stand-in for the server's HTTP answers: output, one-line errors
// and exit statuses.
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

type Answer = { data: unknown } | { error: { message: string; code: string; httpStatus: number } };

/** Answers each tRPC call in a batch with `answer(path, input)` and records the calls. */
function fakeServer(answer: (path: string, input: unknown) => Answer) {
  const calls: { path: string; input: unknown }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const parsed = new URL(String(url));
    const paths = parsed.pathname.replace("/api/trpc/", "").split(",");
    const rawInput = parsed.searchParams.get("input") ?? (init?.body as string | undefined) ?? "{}";
    const inputs = JSON.parse(rawInput) as Record<string, Parameters<typeof superjson.deserialize>[0] | undefined>;
    const answers = paths.map((path, i) => {
      const entry = inputs[String(i)];
      const input = entry ? superjson.deserialize(entry) : undefined;
      calls.push({ path, input });
      return answer(path, input);
    });
    const status = answers.map((a) => ("error" in a ? a.error.httpStatus : 200)).find((s) => s !== 200) ?? 200;
    const body = answers.map((a) =>
      "error" in a
        ? { error: superjson.serialize({ message: a.error.message, code: -32000, data: { code: a.error.code, httpStatus: a.error.httpStatus } }) }
        : { result: { data: superjson.serialize(a.data) } },
    );
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

async function run(argv: string[], server: ReturnType<typeof fakeServer>, env: Record<string, string> = { BATON_TOKEN: "baton_test" }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    io: { out: (text) => out.push(text), err: (text) => err.push(text), timeZone: "UTC" },
    env,
    signal: new AbortController().signal,
    fetch: server.fetch,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const account = { id: "u1", email: "ada@example.test", name: "Ada", image: null, role: "MEMBER", teamRole: "MEMBER", via: "token" };
const failing = (code: string, httpStatus: number, message: string) => fakeServer(() => ({ error: { code, httpStatus, message } }));

describe("runCli", () => {
  it("prints what the server answered and exits 0", async () => {
    const result = await run(["whoami"], fakeServer(() => ({ data: account })));
    expect(result).toEqual({ code: 0, out: "Email:  ada@example.test\nName:   Ada\nRole:   member, through this API token", err: "" });
  });

  it("prints the server's refusal as one line and exits 1", async () => {
    expect(await run(["whoami"], failing("UNAUTHORIZED", 401, "The API token has been revoked."))).toEqual({
      code: 1,
      out: "",
      err: "baton: The API token has been revoked.",
    });
    const limited = await run(["task", "create", "x"], failing("TOO_MANY_REQUESTS", 429, "Too many tasks: at most 60 a minute per user. Try again in 12 s."));
    expect(limited).toEqual({ code: 1, out: "", err: "baton: Too many tasks: at most 60 a minute per user. Try again in 12 s." });
  });

  it("treats input the server refuses as a usage error", async () => {
    const result = await run(["task", "create", "x", "--priority", "11"], failing("BAD_REQUEST", 400, "priority: must be at most 10"));
    expect(result).toEqual({ code: 2, out: "", err: "baton: priority: must be at most 10" });
  });

  it("says when Baton cannot be reached, naming the address", async () => {
    const refused = {
      calls: [],
      fetch: (async () => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
      }) as typeof globalThis.fetch,
    };
    const result = await run(["task", "list"], refused, { BATON_TOKEN: "baton_test", BATON_URL: "http://baton.test:3000" });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      "baton: Could not reach Baton at http://baton.test:3000 (connection refused). Check that it is running and that --url or BATON_URL points at it.",
    );
  });

  it("asks for a token before calling anything", async () => {
    const server = fakeServer(() => ({ data: account }));
    const result = await run(["whoami"], server, {});
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^baton: no API token/);
    expect(server.calls).toEqual([]);
  });

  it("creates a task and prints its id, or the API's answer with --json", async () => {
    const server = fakeServer(() => ({ data: { id: "cmtask1", title: "Go", status: "PLANNING" } }));
    expect(await run(["task", "create", "Go", "--priority", "7"], server)).toEqual({ code: 0, out: "cmtask1", err: "" });
    expect(server.calls[0]).toEqual({ path: "task.create", input: { prompt: "Go", priority: 7, reviewPlan: false } });
    const json = await run(["task", "create", "Go", "--json"], server);
    expect(JSON.parse(json.out)).toEqual({ id: "cmtask1", title: "Go", status: "PLANNING" });
  });

  it("prints BigInt fields (costs in micro-dollars) in --json output", async () => {
    const server = fakeServer(() => ({ data: { id: "cmtask1", costMicros: 12_345n, hugeMicros: 2n ** 60n } }));
    const result = await run(["task", "get", "cmtask1", "--json"], server);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ id: "cmtask1", costMicros: 12345, hugeMicros: "1152921504606846976" });
  });

  it("reads as many pages as --limit asks for", async () => {
    const item = (n: number) => ({
      id: `task-${n}`,
      title: `Task ${n}`,
      status: "SUCCEEDED",
      priority: 5,
      createdAt: new Date("2025-11-22T06:30:00Z"),
      startedAt: null,
      finishedAt: null,
      inputTokens: 0,
      outputTokens: 0,
      progress: { done: 1, total: 1 },
    });
    const server = fakeServer((_path, input) => {
      const { limit, cursor } = input as { limit: number; cursor?: string };
      const start = cursor ? Number(cursor.slice(5)) + 1 : 0;
      return { data: { items: Array.from({ length: limit }, (_, i) => item(start + i)), nextCursor: `task-${start + limit - 1}` } };
    });
    const result = await run(["task", "list", "--limit", "150", "--json"], server);
    expect(server.calls.map((call) => call.input)).toEqual([
      { limit: 100, status: undefined, cursor: undefined },
      { limit: 50, status: undefined, cursor: "task-99" },
    ]);
    expect((JSON.parse(result.out) as unknown[]).length).toBe(150);

    const table = await run(["task", "list", "--limit", "2"], server);
    expect(table.out.split("\n")).toHaveLength(3);
    expect(table.err).toBe("(the newest 2 tasks; --limit shows more)");
  });

  it("prints help on stdout when asked, and on stderr with status 2 when a command is missing", async () => {
    const server = fakeServer(() => ({ data: null }));
    const asked = await run(["task", "--help"], server, {});
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/^baton task — work with tasks/);
    const missing = await run([], server, {});
    expect(missing.code).toBe(2);
    expect(missing.out).toBe("");
    expect(missing.err).toMatch(/^baton — drive Baton from the command line/);
  });
});
