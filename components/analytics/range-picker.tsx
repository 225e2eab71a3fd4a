"use client";
// The analytics page's range and bucket controls. Changes go to the URL, which is what the page
// reads, so a view can be bookmarked and shared.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { hourlyAllowed, PRESET_LABELS, RANGE_PRESETS, utcDay, type AnalyticsView, type Bucket, type RangePreset } from "./analytics-view";

type Choice = Pick<AnalyticsView, "preset" | "bucket" | "fromDay" | "toDay">;

export function RangePicker({ view, onChange }: { view: AnalyticsView; onChange: (next: Choice) => void }) {
  const id = useId();
  const [days, setDays] = useState({ from: view.fromDay, to: view.toDay });

  const choosePreset = (preset: RangePreset) => {
    const bucket: Bucket = preset === "24h" ? "hour" : "day";
    onChange({ preset, bucket, fromDay: view.fromDay, toDay: view.toDay });
    setDays({ from: view.fromDay, to: view.toDay });
  };
  // Hourly buckets cover at most 14 days; a longer custom range switches to days.
  const customDays = (Date.parse(days.to) - Date.parse(days.from)) / 86_400_000 + 1;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-range`} className="text-xs font-medium text-muted">
          Range
        </label>
        <Select id={`${id}-range`} value={view.preset} onChange={(e) => choosePreset(e.target.value as RangePreset)} className="h-8">
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {PRESET_LABELS[preset]}
            </option>
          ))}
        </Select>
      </div>
      {view.preset === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ preset: "custom", bucket: customDays > 14 ? "day" : view.bucket, fromDay: days.from, toDay: days.to });
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-from`} className="text-xs font-medium text-muted">
              First day (UTC)
            </label>
            <Input id={`${id}-from`} type="date" value={days.from} max={days.to || utcDay(new Date())} onChange={(e) => setDays({ ...days, from: e.target.value })} required className="h-8 w-40" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-to`} className="text-xs font-medium text-muted">
              Last day (UTC)
            </label>
            <Input id={`${id}-to`} type="date" value={days.to} min={days.from} onChange={(e) => setDays({ ...days, to: e.target.value })} required className="h-8 w-40" />
          </div>
          <Button type="submit" size="sm">
            Apply
          </Button>
        </form>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-bucket`} className="text-xs font-medium text-muted">
          Group by
        </label>
        <Select id={`${id}-bucket`} value={view.bucket} onChange={(e) => onChange({ ...view, bucket: e.target.value as Bucket })} className="h-8">
          <option value="hour" disabled={!hourlyAllowed(view)}>
            Hour{hourlyAllowed(view) ? "" : " (up to 14 days)"}
          </option>
          <option value="day">Day</option>
        </Select>
      </div>
    </div>
  );
}
