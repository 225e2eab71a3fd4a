// The bar on every dashboard page: product name, navigation, live-connection state and the
// signed-in user with their role and a sign-out button.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/server/db/generated/enums";
import { signOutNow } from "@/server/auth/actions";
import { can } from "@/server/auth/permissions";
import { ROLE_LABELS } from "@/server/auth/roles";
import { BatonMark } from "./baton-mark";
import { ConnectionIndicator } from "./connection-indicator";
import { NavLinks } from "./nav-links";

export function SiteHeader({ actor }: { actor: { email: string; role: Role } }) {
  const isAdmin = can(actor.role, "ADMIN");
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="text-foreground">
          <BatonMark />
        </Link>
        <NavLinks isAdmin={isAdmin} />
        <div className="ml-auto flex items-center gap-4">
          <ConnectionIndicator />
          <div className="flex items-center gap-2 text-sm" data-testid="signed-in-user">
            <span className="max-w-48 truncate text-muted" title={actor.email}>
              {actor.email}
            </span>
            <Badge tone="neutral">{ROLE_LABELS[actor.role]}</Badge>
          </div>
          <form action={signOutNow}>
            <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-muted hover:bg-surface-muted hover:text-foreground">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
