// Unknown addresses.
import { StatusView } from "@/components/layout/status-view";

export default function NotFound() {
  return <StatusView title="Page not found">Nothing lives at this address. Tasks and agents are one click away.</StatusView>;
}
