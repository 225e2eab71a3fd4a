// How long a share link works, in the words the panel and the link list use.
import { formatShortDate } from "@/components/format/time";

/** "expires Mar 19, 14:03" or "never expires". */
export const describeExpiry = (expiresAt: Date | null) => (expiresAt ? `expires ${formatShortDate(expiresAt)}` : "never expires");
