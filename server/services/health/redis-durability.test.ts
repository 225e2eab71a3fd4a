import { describe, expect, it } from "vitest";
import { describeRedisUrl, durabilityRefusal, redisDurabilityProblems } from "./redis-durability";

const DURABLE = { appendonly: "yes", save: "", maxmemoryPolicy: "noeviction" };
const where = "redis://cache.internal:6379";

describe("redisDurabilityProblems", () => {
  it("accepts AOF or RDB snapshots with noeviction", () => {
    expect(redisDurabilityProblems(DURABLE)).toEqual([]);
    expect(redisDurabilityProblems({ appendonly: "no", save: "3600 1 300 100", maxmemoryPolicy: "noeviction" })).toEqual([]);
    expect(redisDurabilityProblems({ appendonly: "YES", save: "", maxmemoryPolicy: "NoEviction" })).toEqual([]);
  });

  it("names missing persistence with the command that turns it on", () => {
    const [problem, ...rest] = redisDurabilityProblems({ appendonly: "no", save: "", maxmemoryPolicy: "noeviction" });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^persistence is off \(appendonly is "no", save is empty\)/);
    expect(problem).toContain("CONFIG SET appendonly yes");
    expect(problem).toContain('"appendonly yes" in redis.conf');
  });

  it("names an evicting policy with the setting that fixes it", () => {
    expect(redisDurabilityProblems({ ...DURABLE, maxmemoryPolicy: "allkeys-lru" })).toEqual([
      'maxmemory-policy is "allkeys-lru": under memory pressure Redis would evict queued jobs and locks. Set CONFIG SET maxmemory-policy noeviction, and "maxmemory-policy noeviction" in redis.conf.',
    ]);
  });

  it("reports both problems at once", () => {
    expect(redisDurabilityProblems({ appendonly: "no", save: " ", maxmemoryPolicy: "volatile-lru" })).toHaveLength(2);
  });
});

describe("durabilityRefusal", () => {
  it("lets a durable Redis through", () => {
    expect(durabilityRefusal({ where, settings: DURABLE, allowEphemeral: false })).toBeNull();
  });

  it("refuses an ephemeral Redis with every problem and the override", () => {
    const message = durabilityRefusal({ where, settings: { appendonly: "no", save: "", maxmemoryPolicy: "allkeys-lru" }, allowEphemeral: false });
    expect(message?.split("\n")).toEqual([
      "Refusing to start: the Redis at redis://cache.internal:6379 is not safe for production:",
      expect.stringMatching(/^ {2}- persistence is off/),
      expect.stringMatching(/^ {2}- maxmemory-policy is "allkeys-lru"/),
      "If losing Redis's contents is acceptable (a demo or a test), set BATON_ALLOW_EPHEMERAL_REDIS=1 to start anyway.",
    ]);
  });

  it("starts anyway with the explicit override", () => {
    expect(durabilityRefusal({ where, settings: { appendonly: "no", save: "", maxmemoryPolicy: "allkeys-lru" }, allowEphemeral: true })).toBeNull();
  });

  it("refuses when the settings cannot be read, saying what to verify", () => {
    const message = durabilityRefusal({ where, settings: new Error("ERR unknown command 'CONFIG'"), allowEphemeral: false });
    expect(message).toMatch(/^Refusing to start: could not read the persistence settings of the Redis at redis:\/\/cache\.internal:6379 \(CONFIG GET: ERR unknown command 'CONFIG'\)/);
    expect(message).toContain("maxmemory-policy noeviction");
    expect(message).toContain("BATON_ALLOW_EPHEMERAL_REDIS=1");
  });
});

describe("describeRedisUrl", () => {
  it("drops the password", () => {
    expect(describeRedisUrl("redis://:s3cret@cache.internal:6380/2")).toBe("redis://cache.internal:6380/2");
    expect(describeRedisUrl("rediss://user:pw@host:6379")).toBe("rediss://host:6379");
  });
});
