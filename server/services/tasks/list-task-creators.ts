// The people who have created at least one task, for the task list's creator filter.
import type { Db } from "../../db/create-prisma";

export async function listTaskCreators(db: Db) {
  return db.user.findMany({
    where: { tasks: { some: {} } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}
