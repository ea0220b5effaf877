/**
 * bench:reco's summary: one table, a column per size, with issue 14's targets beside the figures
 * (measured against the target, never asserted: speed is printed, not tested). Stage rows are whatever
 * stages the refresh reported, in the order it reported them, so a renamed or new stage needs no change here.
 */

export type SizeResult = {
  users: number;
  events: number;
  refresh_s: number;
  stages_s: Record<string, number>;
  peak_rss_mib: number;
  read_user_ms: { p50: number; p99: number };
  read_item_ms: { p50: number; p99: number };
  update_ms: { p50: number; p99: number; max: number; users: number };
};

/** A target of issue 14 and the largest size it is stated for (smaller sizes must meet it too). */
type Target = { label: string; upTo: number; met: (r: SizeResult) => boolean };

export const TARGETS = {
  refresh: { label: "≤ 300 s at 250k users, 2 cores", upTo: 250_000, met: (r) => r.refresh_s <= 300 },
  rss: { label: "≤ 3072 MiB at 250k users", upTo: 250_000, met: (r) => r.peak_rss_mib <= 3072 },
  // Item 5: a purchase or dismissal shows in the user's lists within 10 s (the job's pick-up included).
  update: { label: "≤ 10000 ms (item 5: within 10 s)", upTo: Infinity, met: (r) => r.update_ms.p99 <= 10_000 },
  read: { label: "≤ 10 ms at 50k users", upTo: 50_000, met: (r) => r.read_user_ms.p99 <= 10 },
} satisfies Record<string, Target>;

export type TargetName = keyof typeof TARGETS;

/** "met", "MISSED", or "n/a" for a size above the one the target is stated for. */
export function verdict(name: TargetName, r: SizeResult): "met" | "MISSED" | "n/a" {
  const t: Target = TARGETS[name];
  if (r.users > t.upTo) return "n/a";
  return t.met(r) ? "met" : "MISSED";
}

const short = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);
const num = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** The table as lines of text. */
export function summaryTable(results: SizeResult[]): string[] {
  const stageNames: string[] = [];
  for (const r of results) for (const s of Object.keys(r.stages_s)) if (!stageNames.includes(s)) stageNames.push(s);
  const with_ = (name: TargetName, text: (r: SizeResult) => string) => (r: SizeResult) =>
    `${text(r)} ${verdict(name, r) === "n/a" ? "" : verdict(name, r)}`.trim();
  const rows: [string, (r: SizeResult) => string, string][] = [
    ...stageNames.map((s): [string, (r: SizeResult) => string, string] => [
      `  ${s} (s)`,
      (r) => (s in r.stages_s ? num(r.stages_s[s]!, 2) : "–"),
      "",
    ]),
    ["refresh total (s)", with_("refresh", (r) => num(r.refresh_s, 2)), TARGETS.refresh.label],
    ["peak RSS (MiB)", with_("rss", (r) => String(r.peak_rss_mib)), TARGETS.rss.label],
    ["per-user update p50 (ms)", (r) => num(r.update_ms.p50, 1), ""],
    ["per-user update p99 (ms)", with_("update", (r) => num(r.update_ms.p99, 1)), TARGETS.update.label],
    ["read one user p50 (ms)", (r) => num(r.read_user_ms.p50, 2), ""],
    ["read one user p99 (ms)", with_("read", (r) => num(r.read_user_ms.p99, 2)), TARGETS.read.label],
    ["product neighbours p99 (ms)", (r) => num(r.read_item_ms.p99, 2), ""],
  ];
  const header = ["", ...results.map((r) => `${short(r.users)} users / ${short(r.events)} ev.`), "target"];
  const body = rows.map(([label, cell, target]) => [label, ...results.map(cell), target]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join(" │ ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("─┼─"), ...body.map(line)];
}
