// Task detail. Existence is checked on the server so an unknown id answers with a real 404.
import { notFound } from "next/navigation";
import { TaskDetail } from "@/components/tasks/task-detail-page";
import { requirePageActor } from "@/server/auth/page-access";
import { db } from "@/server/db";
import { taskExists } from "@/server/services/tasks/get-task";

export const dynamic = "force-dynamic";

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor();
  const { id } = await params;
  if (!(await taskExists(db, id))) notFound();
  // A fresh tree per task, so one task's log buffer can never show up under another.
  return <TaskDetail key={id} id={id} />;
}
