// The profiles advance() routes subtasks with, kept per process and read again only when the
// profile table changed (its row count and latest update: profiles_version() in SQL, which the
// statements that queue subtasks read alongside), so routing costs no round trip on the hot path
// and an admin's edit applies to the next subtask.
import type { Db } from "../../db/create-prisma";
import type { RoutableProfile } from "./route-profile";

const cached = new WeakMap<Db, { version: string; profiles: RoutableProfile[] }>();

/**
 * `version`: the table's version as the caller read it. On a miss the rows are read with their
 * own version in one statement and kept under that, never under the caller's: a caller holding an
 * older version (a completion routes with the one its claim read) must not label newer rows with
 * it, or a later return to that version (a profile created, then deleted) would find rows that
 * name a profile no longer there.
 */
export async function routingProfiles(db: Db, version: string): Promise<RoutableProfile[]> {
  const hit = cached.get(db);
  if (hit?.version === version) return hit.profiles;
  const rows = await db.$queryRaw<(RoutableProfile & { version: string })[]>`
    SELECT v.version, p.id, p.name, p.capabilities, p."maxAgents"
    FROM (SELECT profiles_version() AS version) v LEFT JOIN "AgentProfile" p ON true`;
  const profiles = rows.filter((row) => row.id !== null);
  cached.set(db, { version: rows[0]!.version, profiles });
  return profiles;
}
