import { AgentsPage } from "@/components/agents/agents-page";
import { requirePageActor } from "@/server/auth/page-access";

export default async function Page() {
  await requirePageActor();
  return <AgentsPage />;
}
