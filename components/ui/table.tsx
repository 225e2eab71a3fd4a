// The design system's table: a scrollable frame, a header row from column definitions and a
// divided body, so every list in the app has the same look and header semantics.
import type { ReactNode } from "react";
import { cx } from "./class-names";
import { ScrollFrame } from "./scroll-frame";

export interface TableColumn {
  label: string;
  /** Right-aligned, for numbers and durations. */
  numeric?: boolean;
  /** Extra classes for the header cell (widths). */
  className?: string;
}

/** Body cells: the padding every table shares, and the quieter variant for secondary columns. */
export const tableCell = "px-3 py-2.5 whitespace-nowrap";
export const mutedTableCell = `${tableCell} text-muted`;
export const numericTableCell = `${mutedTableCell} text-right tabular-nums`;

const headCell = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-subtle whitespace-nowrap";

/** `label` names the table's scroll box for keyboard users when it is wider than the screen. */
export function Table({
  columns,
  children,
  className,
  frameClassName,
  label = "Table",
}: {
  columns: TableColumn[];
  children: ReactNode;
  className?: string;
  /** Extra classes for the scroll frame (`@container`, for cells sized to its visible width). */
  frameClassName?: string;
  label?: string;
}) {
  return (
    <ScrollFrame label={label} className={cx("overflow-x-auto", frameClassName)}>
      <table className={cx("w-full text-sm", className)}>
        <thead className="border-b border-border bg-surface-muted/60">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={cx(headCell, column.numeric && "text-right", column.className)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </ScrollFrame>
  );
}
