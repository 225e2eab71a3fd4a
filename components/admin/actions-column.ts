// The header of a table's button column: named for screen readers, blank on screen.
import type { TableColumn } from "@/components/ui/table";

// `sr-only` alone positions the cell absolutely, which takes it out of the table and out of the
// table's scroll frame (it then widens the page on phones); `static!` keeps it a table cell.
export const ACTIONS_COLUMN: TableColumn = { label: "Actions", className: "sr-only static!" };
