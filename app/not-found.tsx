// Unknown addresses.
import { NotFoundView } from "@/components/layout/not-found-view";

export default function NotFound() {
  return <NotFoundView title="Page not found">Nothing lives at this address. Tasks and agents are one click away.</NotFoundView>;
}
