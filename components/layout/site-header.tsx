// The bar on every page: product name, navigation and live-connection state.
import Link from "next/link";
import { ConnectionIndicator } from "./connection-indicator";
import { NavLinks } from "./nav-links";

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-foreground">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-sm font-bold text-accent-foreground">
            B
          </span>
          <span className="text-base font-semibold tracking-tight">Baton</span>
        </Link>
        <NavLinks />
        <div className="ml-auto">
          <ConnectionIndicator />
        </div>
      </div>
    </header>
  );
}
