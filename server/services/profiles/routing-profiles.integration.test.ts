// The per-process cache of routing profiles, against the real database: rows are kept under the
// version they were read with, whatever version the caller asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { routingProfiles } from "./routing-profiles";

const deps = createTestDeps("routing-profiles");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

const version = async () => (await deps.db.$queryRaw<{ version: string }[]>`SELECT profiles_version() AS version`)[0]!.version;

describe("routingProfiles", () => {
  it("never keeps newer rows under an older version, which could come back after a delete", async () => {
    const before = await version();
    await routingProfiles(deps.db, "a version nobody has"); // a miss: rows read and kept with their own version
    const added = await deps.db.agentProfile.create({ data: { name: "short-lived", description: "d", capabilities: ["x"], systemPrompt: "s" } });
    // A caller still holding the old version (a completion routes with its claim's).
    await routingProfiles(deps.db, before);
    await deps.db.agentProfile.delete({ where: { id: added.id } });
    expect(await version()).toBe(before);

    const names = (await routingProfiles(deps.db, before)).map((profile) => profile.name);
    expect(names).not.toContain("short-lived");
    expect(names).toContain("generalist");
  });
});
