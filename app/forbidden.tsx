// Rendered with status 403 when a signed-in user opens a page their role does not allow.
import { StatusView } from "@/components/layout/status-view";

export default function Forbidden() {
  return (
    <StatusView code={403} title="You don’t have access to this page">
      Your role does not allow it. An admin can change your role on the members page.
    </StatusView>
  );
}
