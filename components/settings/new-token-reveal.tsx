// A new API token, shown this once: Baton keeps only its hash, so the owner has to copy it now.
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { CreatedToken } from "./create-token-form";

export function NewTokenReveal({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  return (
    <SecretReveal
      title={<>Token “{created.name}” created. Copy it now — you won’t see it again.</>}
      fieldLabel="New API token"
      value={created.token}
      onDone={onDone}
      className="border-b"
      data-testid="new-token"
      valueTestId="new-token-value"
    >
      Baton stores only a hash of it. If you lose it, revoke it below and create a new one.
    </SecretReveal>
  );
}
