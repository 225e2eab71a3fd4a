import { AgentsPage } from "@/components/agents/agents-page";
import { can } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/page-access";

export default async function Page() {
  const actor = await requirePageActor();
  // The server checks every command again; this only decides whether to offer the controls.
  return <AgentsPage canManage={can(actor.role, "ADMIN")} />;
}
