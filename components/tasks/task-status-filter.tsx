// Status filter for the task list.
import { Select } from "@/components/ui/select";
import { statusLabel } from "@/components/status-badge";
import { TaskStatus } from "@/server/db/generated/enums";

export type TaskStatusValue = (typeof TaskStatus)[keyof typeof TaskStatus];
export const TASK_STATUS_VALUES = Object.values(TaskStatus);

export const isTaskStatus = (value: string | null): value is TaskStatusValue =>
  value !== null && (TASK_STATUS_VALUES as string[]).includes(value);

export function TaskStatusFilter({ value, onChange }: { value: TaskStatusValue | null; onChange: (value: TaskStatusValue | null) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      Status
      <Select value={value ?? ""} onChange={(e) => onChange(isTaskStatus(e.target.value) ? e.target.value : null)} className="h-8">
        <option value="">All</option>
        {TASK_STATUS_VALUES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status)}
          </option>
        ))}
      </Select>
    </label>
  );
}
