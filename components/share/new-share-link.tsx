// A link that was just created, shown this once: only a hash of its token is stored, so after
// this box is closed or the page reloads nobody can read the URL again.
import { SecretReveal } from "@/components/ui/secret-reveal";
import { describeExpiry } from "./describe-expiry";

export interface NewShareLinkView {
  id: string;
  url: string;
  expiresAt: Date | null;
  includeLogs: boolean;
}

export function NewShareLink({ link, onDismiss }: { link: NewShareLinkView; onDismiss: () => void }) {
  return (
    <SecretReveal
      title="Link created — copy it now, it won’t be shown again."
      fieldLabel="New share link"
      value={link.url}
      onDone={onDismiss}
      className="rounded-md border"
      data-testid="new-share-link"
    >
      It {describeExpiry(link.expiresAt)} and {link.includeLogs ? "includes" : "does not include"} the logs.
    </SecretReveal>
  );
}
