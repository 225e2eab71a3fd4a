"use client";
// Last-resort screen when a page fails to render; keeps the header so the user can move on.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="mx-auto max-w-md py-16 text-center" role="alert">
      <p className="text-sm font-semibold text-danger-fg">Error</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-foreground">This page failed to load</h1>
      <p className="mt-2 text-sm text-muted">
        Something went wrong while showing this page. Trying again usually helps; if it keeps happening, check the server log
        {digest ? (
          <>
            {" "}for reference <code className="font-mono">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Button variant="primary" onClick={() => retry()}>
          Try again
        </Button>
        <LinkButton href="/">Back to tasks</LinkButton>
      </div>
    </div>
  );
}
