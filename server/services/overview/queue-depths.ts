// Work waiting for and held by each agent profile: subtasks QUEUED (dependencies done, waiting
// for a free agent) and RUNNING, counted in PostgreSQL, which is the truth the queues are rebuilt from.
import type { Db } from "../../db/create-prisma";

export async function queueDepths(db: Db) {
  const [profiles, counts] = await Promise.all([
    db.agentProfile.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.subtask.groupBy({ by: ["profileId", "status"], where: { status: { in: ["QUEUED", "RUNNING"] } }, _count: { _all: true } }),
  ]);
  const count = (profileId: string, status: "QUEUED" | "RUNNING") =>
    counts.find((row) => row.profileId === profileId && row.status === status)?._count._all ?? 0;
  return profiles.map((profile) => ({ profileId: profile.id, profile: profile.name, queued: count(profile.id, "QUEUED"), running: count(profile.id, "RUNNING") }));
}
