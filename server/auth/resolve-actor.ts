// Who is making a request. Until sign-in exists every request acts as the local operator
// account that the seed creates; this is the single place sign-in will replace.
import type { Db } from "../db/create-prisma";
import type { Actor } from "../api/trpc";

export const LOCAL_OPERATOR_EMAIL = "operator@localhost";

let cachedUserId: string | undefined;

export async function resolveActor(db: Db): Promise<Actor> {
  cachedUserId ??= (
    await db.user.upsert({
      where: { email: LOCAL_OPERATOR_EMAIL },
      create: { email: LOCAL_OPERATOR_EMAIL, name: "Local operator" },
      update: {},
      select: { id: true },
    })
  ).id;
  return { userId: cachedUserId };
}
