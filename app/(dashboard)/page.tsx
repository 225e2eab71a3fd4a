import { TasksPage } from "@/components/tasks/tasks-page";
import { requirePageActor } from "@/server/auth/page-access";

export default async function Page() {
  const actor = await requirePageActor();
  return <TasksPage canCreate={actor.role !== "VIEWER"} />;
}
