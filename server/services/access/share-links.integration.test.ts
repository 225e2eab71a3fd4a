// Share links against the real database and the real HTTP handler: a token opens exactly its own
// task until it is revoked or expires, only its hash is stored, logs travel only when asked for,
// and the role rules for creating and revoking hold over the API.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../../testing/call-api";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser, sessionCookieFor, type TestUser } from "../../testing/test-users";
import { setMemberDisabled } from "./members";
import { createShareLink, readSharedTask } from "./share-links";

const deps = createTestDeps("share-links");
afterAll(() => deps.close());

interface Person {
  user: TestUser;
  cookie: string;
}

let owner: Person;
let member: Person;
let otherMember: Person;
let admin: Person;
let viewer: Person;

async function person(role: TestUser["role"]): Promise<Person> {
  const user = await createUser(deps.db, role);
  return { user, cookie: await sessionCookieFor(deps.db, user) };
}

beforeAll(async () => {
  await resetData(deps);
  [owner, member, otherMember, admin, viewer] = await Promise.all([person("OWNER"), person("MEMBER"), person("MEMBER"), person("ADMIN"), person("VIEWER")]);
});

async function finishedTask(title: string) {
  return deps.db.task.create({
    data: { title, prompt: `Prompt of ${title}`, status: "SUCCEEDED", resultMarkdown: `# Result of ${title}`, inputTokens: 120, outputTokens: 45 },
  });
}

interface CreatedLink {
  id: string;
  path: string;
  includeLogs: boolean;
  expiresAt: string | null;
}

async function createLink(by: Person, taskId: string, options: { includeLogs?: boolean; expiresInDays?: number | null } = {}) {
  const response = await callApi<CreatedLink>(deps, "share.create", { taskId, ...options }, { cookie: by.cookie });
  expect(response.error).toBeUndefined();
  const link = response.data!;
  expect(link.path).toMatch(/^\/share\/[A-Za-z0-9_-]{22}$/);
  return { ...link, token: link.path.slice("/share/".length) };
}

describe("share links", () => {
  it("open the task they were created for", async () => {
    const task = await finishedTask("Quarterly report");
    const link = await createLink(member, task.id);

    const shared = await readSharedTask(deps.db, link.token);
    expect(shared?.task).toMatchObject({ title: "Quarterly report", prompt: "Prompt of Quarterly report", status: "SUCCEEDED", resultMarkdown: "# Result of Quarterly report" });
    expect(shared?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // The page is told nothing it does not print: no ids of the task or anything else.
    expect(JSON.stringify(shared)).not.toContain(task.id);
  });

  it("store only the SHA-256 of the token", async () => {
    const task = await finishedTask("Hashed");
    const link = await createLink(member, task.id);

    const row = await deps.db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const audit = await deps.db.auditEvent.findMany({ where: { targetId: task.id } });
    expect(JSON.stringify(audit)).not.toContain(link.token);
  });

  it("stop opening anything once revoked", async () => {
    const task = await finishedTask("Revoked");
    const link = await createLink(member, task.id);

    const response = await callApi(deps, "share.revoke", { id: link.id }, { cookie: member.cookie });
    expect(response.data).toEqual({ revoked: true });
    expect(await readSharedTask(deps.db, link.token)).toBeNull();
    const listed = await callApi<{ id: string }[]>(deps, "share.list", { taskId: task.id }, { cookie: member.cookie });
    expect(listed.data).toEqual([]);
  });

  it("end for good when their creator is removed from the team, and only theirs", async () => {
    const task = await finishedTask("Shared by someone who leaves");
    const leaver = await person("MEMBER");
    const theirs = await createLink(leaver, task.id);
    const another = await createLink(otherMember, task.id);

    const removed = await callApi(deps, "member.setDisabled", { userId: leaver.user.id, disabled: true }, { cookie: admin.cookie });
    expect(removed.error).toBeUndefined();
    expect(await readSharedTask(deps.db, theirs.token)).toBeNull();
    expect(await readSharedTask(deps.db, another.token)).not.toBeNull();
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "member.removed", targetId: leaver.user.id } });
    expect(audit.data).toMatchObject({ revokedShareLinks: 1 });

    // Restoring the member does not bring the link back.
    await callApi(deps, "member.setDisabled", { userId: leaver.user.id, disabled: false }, { cookie: admin.cookie });
    expect(await readSharedTask(deps.db, theirs.token)).toBeNull();
  });

  it("made while their creator is being removed end with the removal as well", async () => {
    const task = await finishedTask("Shared during a removal");
    const asAdmin = { userId: admin.user.id, email: admin.user.email, role: "ADMIN" as const, via: "session" as const };
    for (let round = 0; round < 8; round++) {
      const leaver = await createUser(deps.db, "MEMBER");
      const asLeaver = { userId: leaver.id, email: leaver.email, role: "MEMBER" as const, via: "token" as const };
      await Promise.allSettled([
        createShareLink(deps.db, asLeaver, { taskId: task.id, expiresInDays: 7, includeLogs: false }),
        setMemberDisabled(deps.db, asAdmin, { userId: leaver.id, disabled: true }),
      ]);
      expect(await deps.db.shareLink.count({ where: { createdById: leaver.id, revokedAt: null } })).toBe(0);
      await expect(createShareLink(deps.db, asLeaver, { taskId: task.id, expiresInDays: 7, includeLogs: false })).rejects.toThrow("You were removed from the team");
    }
  });

  it("stop opening anything once expired", async () => {
    const task = await finishedTask("Expired");
    const link = await createLink(member, task.id, { expiresInDays: 1 });
    expect(await readSharedTask(deps.db, link.token)).not.toBeNull();

    await deps.db.shareLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readSharedTask(deps.db, link.token)).toBeNull();
  });

  it("never expire when created without an expiry", async () => {
    const task = await finishedTask("Forever");
    const link = await createLink(member, task.id, { expiresInDays: null });
    const shared = await readSharedTask(deps.db, link.token, new Date(Date.now() + 10 * 365 * 86_400_000));
    expect(shared?.expiresAt).toBeNull();
    expect(shared?.task.title).toBe("Forever");
  });

  it("never open another task, and unknown or malformed tokens open nothing", async () => {
    const [first, second] = await Promise.all([finishedTask("First task"), finishedTask("Second task")]);
    const [firstLink, secondLink] = await Promise.all([createLink(member, first.id), createLink(otherMember, second.id)]);

    expect((await readSharedTask(deps.db, firstLink.token))?.task.title).toBe("First task");
    expect((await readSharedTask(deps.db, secondLink.token))?.task.title).toBe("Second task");
    expect(await readSharedTask(deps.db, randomBytes(16).toString("base64url"))).toBeNull();
    for (const malformed of ["", "short", `${firstLink.token}x`, firstLink.token.slice(1), "../../api/health/xxxxxxx"]) {
      expect(await readSharedTask(deps.db, malformed)).toBeNull();
    }
  });

  it("carry the logs only when created with them", async () => {
    const task = await finishedTask("With logs");
    const subtask = await deps.db.subtask.create({ data: { taskId: task.id, index: 0, title: "Look around", instructions: "Look", status: "SUCCEEDED" } });
    await deps.db.logEvent.createMany({
      data: [
        { taskId: task.id, seq: 1, kind: "STATUS", message: "Task submitted; planning." },
        { taskId: task.id, seq: 2, subtaskId: subtask.id, kind: "TEXT", message: "Reading the workspace." },
      ],
    });
    const withoutLogs = await createLink(member, task.id);
    const withLogs = await createLink(member, task.id, { includeLogs: true });

    expect((await readSharedTask(deps.db, withoutLogs.token))?.logs).toBeNull();
    const shared = await readSharedTask(deps.db, withLogs.token);
    expect(shared?.logs?.map((line) => [line.seq, line.message, line.subtask?.index ?? null])).toEqual([
      [1, "Task submitted; planning.", null],
      [2, "Reading the workspace.", 0],
    ]);
    expect(shared?.task.subtasks).toEqual([expect.objectContaining({ index: 0, title: "Look around", status: "SUCCEEDED" })]);
  });

  it("do not tell who on the team acted: Baton's lines and the reason say 'a team member', the model's lines stay as written", async () => {
    const task = await deps.db.task.create({ data: { title: "Cancelled", prompt: "Stop it", status: "CANCELLED", statusReason: "Cancelled by ana@example.test." } });
    await deps.db.logEvent.createMany({
      data: [
        { taskId: task.id, seq: 1, kind: "STATUS", message: "Plan approved by ana@example.test; running." },
        { taskId: task.id, seq: 2, kind: "TEXT", message: "The report lists bob@example.test as the contact." },
      ],
    });
    const shared = await readSharedTask(deps.db, (await createLink(owner, task.id, { includeLogs: true })).token);
    expect(shared?.task.statusReason).toBe("Cancelled by a team member.");
    expect(shared?.logs?.map((line) => line.message)).toEqual(["Plan approved by a team member; running.", "The report lists bob@example.test as the contact."]);
  });

  it("may be revoked by their creator and by admins, not by other members", async () => {
    const task = await finishedTask("Contested");
    const first = await createLink(member, task.id);
    const second = await createLink(member, task.id);

    const refused = await callApi(deps, "share.revoke", { id: first.id }, { cookie: otherMember.cookie });
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe("FORBIDDEN");
    expect(await readSharedTask(deps.db, first.token)).not.toBeNull();

    const byAdmin = await callApi(deps, "share.revoke", { id: first.id }, { cookie: admin.cookie });
    expect(byAdmin.data).toEqual({ revoked: true });
    expect(await readSharedTask(deps.db, first.token)).toBeNull();

    const byOwner = await callApi(deps, "share.revoke", { id: second.id }, { cookie: owner.cookie });
    expect(byOwner.data).toEqual({ revoked: true });
    expect(await readSharedTask(deps.db, second.token)).toBeNull();
  });

  it("cannot be created or listed by viewers", async () => {
    const task = await finishedTask("Viewer's view");
    const created = await callApi(deps, "share.create", { taskId: task.id }, { cookie: viewer.cookie });
    expect(created.status).toBe(403);
    expect(created.error?.code).toBe("FORBIDDEN");
    expect(await deps.db.shareLink.count({ where: { taskId: task.id } })).toBe(0);

    const listed = await callApi(deps, "share.list", { taskId: task.id }, { cookie: viewer.cookie });
    expect(listed.error?.code).toBe("FORBIDDEN");
  });

  it("list who created each active link, newest first", async () => {
    const task = await finishedTask("Listed");
    const older = await createLink(member, task.id, { includeLogs: true });
    const newer = await createLink(admin, task.id, { expiresInDays: null });
    await callApi(deps, "share.revoke", { id: (await createLink(member, task.id)).id }, { cookie: member.cookie });

    const listed = await callApi<{ id: string; createdByEmail: string; includeLogs: boolean; expiresAt: string | null }[]>(
      deps,
      "share.list",
      { taskId: task.id },
      { cookie: member.cookie },
    );
    expect(listed.data?.map((link) => [link.id, link.createdByEmail, link.includeLogs, link.expiresAt === null])).toEqual([
      [newer.id, admin.user.email, false, true],
      [older.id, member.user.email, true, false],
    ]);
    expect(JSON.stringify(listed.raw)).not.toMatch(/tokenHash|\/share\//);
  });

  it("refuse a task that does not exist", async () => {
    const response = await callApi(deps, "share.create", { taskId: "no-such-task" }, { cookie: member.cookie });
    expect(response.status).toBe(404);
    expect(response.error?.code).toBe("NOT_FOUND");
  });
});
