// The "nothing here" / "not for you" screen: unknown routes, unknown tasks, forbidden pages, dead share links.
import type { ReactNode } from "react";
import { LinkButton } from "@/components/ui/link-button";

export function StatusView({ code = 404, title, children }: { code?: 403 | 404; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid={code === 404 ? "not-found" : "forbidden"}>
      <p className="text-sm font-semibold text-accent">{code}</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-foreground">{title}</h1>
      <div className="mt-2 text-sm text-muted">{children}</div>
      <LinkButton href="/" variant="primary" className="mt-6">
        Back to tasks
      </LinkButton>
    </div>
  );
}
