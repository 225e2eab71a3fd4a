// The profiles advance() routes subtasks with, kept per process and read again only when the
// profile table changed (its row count and latest update: profiles_version() in SQL, which the
// statements that queue subtasks read alongside),
// so routing costs no round trip on the hot path and an admin's edit applies to the next subtask.
import type { Db } from "../../db/create-prisma";
import type { RoutableProfile } from "./route-profile";

const cached = new WeakMap<Db, { version: string; profiles: RoutableProfile[] }>();

/** `version`: the table's row count and latest "updatedAt", which change whenever a profile is added, edited or deleted. */
export async function routingProfiles(db: Db, version: string): Promise<RoutableProfile[]> {
  const hit = cached.get(db);
  if (hit?.version === version) return hit.profiles;
  const profiles = await db.agentProfile.findMany({ select: { id: true, name: true, capabilities: true, maxAgents: true } });
  cached.set(db, { version, profiles });
  return profiles;
}
