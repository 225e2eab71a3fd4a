// What the analytics page shows, read from and written to its URL: a preset range (last 24 h,
// 7 d, 30 d) or custom UTC days, and the bucket size. Preset ranges end at the next bucket
// boundary, so the current hour or day is included and the range only moves when it turns over.
export const RANGE_PRESETS = ["24h", "7d", "30d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type Bucket = "hour" | "day";

export const PRESET_LABELS: Record<RangePreset, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom (UTC days)" };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PRESET_SPAN: Record<Exclude<RangePreset, "custom">, number> = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS };
/** Mirrors the server's limit so the bucket choice can be refused before asking. */
export const MAX_HOURLY_SPAN_MS = 14 * DAY_MS;

export interface AnalyticsView {
  preset: RangePreset;
  bucket: Bucket;
  from: Date;
  to: Date;
  /** The custom range's first and last day as YYYY-MM-DD (for the date inputs). */
  fromDay: string;
  toDay: string;
  /** Set when the URL asks for something that cannot be shown; the page says what is wrong. */
  problem: string | null;
}

const bucketMs = (bucket: Bucket) => (bucket === "hour" ? HOUR_MS : DAY_MS);
const floorTo = (ms: number, bucket: Bucket) => Math.floor(ms / bucketMs(bucket)) * bucketMs(bucket);
const ceilTo = (ms: number, bucket: Bucket) => Math.ceil((ms + 1) / bucketMs(bucket)) * bucketMs(bucket);
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? new Date(`${value}T00:00:00Z`) : null);

export function readAnalyticsView(params: URLSearchParams, now: number): AnalyticsView {
  const view = readRange(params, now);
  if (!view.problem && view.bucket === "hour" && !hourlyAllowed(view)) {
    return { ...view, problem: "Hourly buckets cover at most 14 days. Group by day, or choose a shorter range." };
  }
  return view;
}

function readRange(params: URLSearchParams, now: number): AnalyticsView {
  const raw = params.get("range");
  const preset: RangePreset = (RANGE_PRESETS as readonly string[]).includes(raw ?? "") ? (raw as RangePreset) : "7d";
  const rawBucket = params.get("bucket");
  const defaultBucket: Bucket = preset === "24h" ? "hour" : "day";
  const bucket: Bucket = rawBucket === "hour" || rawBucket === "day" ? rawBucket : defaultBucket;

  if (preset === "custom") {
    const first = parseDay(params.get("from"));
    const last = parseDay(params.get("to"));
    const fallbackTo = new Date(ceilTo(now, "day"));
    const from = first ?? new Date(fallbackTo.getTime() - 7 * DAY_MS);
    const to = last ? new Date(last.getTime() + DAY_MS) : fallbackTo;
    const problem = !first || !last ? "Choose the first and last day of the range." : to <= from ? "The last day must not be before the first day." : null;
    return { preset, bucket, from, to, fromDay: utcDay(from), toDay: utcDay(new Date(to.getTime() - DAY_MS)), problem };
  }

  const to = ceilTo(now, bucket);
  const from = floorTo(to - PRESET_SPAN[preset], bucket);
  return { preset, bucket, from: new Date(from), to: new Date(to), fromDay: utcDay(new Date(from)), toDay: utcDay(new Date(to - 1)), problem: null };
}

/** The query string for a view; defaults are left out so shared links stay short. */
export function analyticsSearch(view: Pick<AnalyticsView, "preset" | "bucket" | "fromDay" | "toDay">): string {
  const params = new URLSearchParams({ range: view.preset });
  if (view.bucket !== (view.preset === "24h" ? "hour" : "day")) params.set("bucket", view.bucket);
  if (view.preset === "custom") {
    params.set("from", view.fromDay);
    params.set("to", view.toDay);
  }
  return `?${params.toString()}`;
}

export const hourlyAllowed = (view: Pick<AnalyticsView, "from" | "to">) => view.to.getTime() - view.from.getTime() <= MAX_HOURLY_SPAN_MS;
