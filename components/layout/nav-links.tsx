"use client";
// Top navigation; marks the section the current page belongs to.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/class-names";

const links = [
  { href: "/", label: "Overview", matches: (path: string) => path === "/", adminOnly: false },
  { href: "/tasks", label: "Tasks", matches: (path: string) => path.startsWith("/tasks"), adminOnly: false },
  { href: "/agents", label: "Agents", matches: (path: string) => path.startsWith("/agents"), adminOnly: false },
  { href: "/analytics", label: "Analytics", matches: (path: string) => path.startsWith("/analytics"), adminOnly: false },
  { href: "/admin/profiles", label: "Profiles", matches: (path: string) => path.startsWith("/admin/profiles"), adminOnly: true },
  { href: "/settings/tokens", label: "API tokens", matches: (path: string) => path.startsWith("/settings"), adminOnly: false },
  { href: "/admin/members", label: "Members", matches: (path: string) => path.startsWith("/admin/members"), adminOnly: true },
  { href: "/admin/pricing", label: "Pricing", matches: (path: string) => path.startsWith("/admin/pricing"), adminOnly: true },
  { href: "/admin/audit", label: "Audit log", matches: (path: string) => path.startsWith("/admin/audit"), adminOnly: true },
];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
      {links.filter((link) => isAdmin || !link.adminOnly).map((link) => {
        const active = link.matches(pathname);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
              active ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-muted hover:text-foreground",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
