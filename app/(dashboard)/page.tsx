import { OverviewPage } from "@/components/overview/overview-page";
import { requirePageActor } from "@/server/auth/page-access";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";

export default async function Page() {
  const actor = await requirePageActor();
  return <OverviewPage canCreate={can(actor.role, PROCEDURE_RULES["task.create"].role)} />;
}
