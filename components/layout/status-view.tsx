// The "nothing here" / "not for you" screen: unknown routes, unknown tasks, forbidden pages, dead share links.
import Link from "next/link";
import type { ReactNode } from "react";

export function StatusView({ code = 404, title, children }: { code?: 403 | 404; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid={code === 404 ? "not-found" : "forbidden"}>
      <p className="text-sm font-semibold text-accent">{code}</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-foreground">{title}</h1>
      <div className="mt-2 text-sm text-muted">{children}</div>
      <Link href="/" className="mt-6 inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-foreground hover:bg-accent-hover">
        Back to tasks
      </Link>
    </div>
  );
}
