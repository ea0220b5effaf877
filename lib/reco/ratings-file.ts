/**
 * Parsers for offline-evaluation datasets (scripts/reco-eval.ts): text in, interactions out, no I/O.
 *
 * - Ratings files: user, item, rating[, timestamp] per line, separated by `::` (MovieLens ratings.dat),
 *   a tab (MovieLens u.data) or a comma (MovieLens ratings.csv). The separator is detected from the first
 *   line; a header row is detected when the rating column of the first line is not a number, and its
 *   column names are then used to find the user/item/rating/timestamp columns.
 * - The UCI Online Retail export (invoice, stock_code, description, quantity, invoice_date, unit_price,
 *   customer_id, country), tab-separated with a header: implicit feedback "customer bought stock_code".
 *   Guest rows (no customer), returns and cancellations (quantity <= 0) and service codes (POST, DOT, M,
 *   BANK CHARGES: stock codes not starting with a digit) are skipped.
 */

export type RawInteraction = { user: string; item: string; rating: number; timestamp?: number };

export type ParsedDataset = {
  format: "ratings" | "retail";
  separator: string;
  header: boolean;
  interactions: RawInteraction[];
  /** Rows dropped on purpose (guests, returns, service codes), not malformed rows. */
  skipped: number;
  /** Why rows were skipped, for the evaluation protocol. */
  skippedBy: Record<string, number>;
};

/** Malformed input: the CLI prints the message and exits with code 2. */
export class DatasetError extends Error {
  override name = "DatasetError";
}

export const RETAIL_COLUMNS = [
  "invoice",
  "stock_code",
  "description",
  "quantity",
  "invoice_date",
  "unit_price",
  "customer_id",
  "country",
] as const;

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/);
}

function firstContentLine(all: string[]): string | undefined {
  return all.find((l) => l.trim() !== "");
}

/** "::", tab, comma or runs of spaces, in that order of precedence. */
export function detectSeparator(line: string): string {
  if (line.includes("::")) return "::";
  if (line.includes("\t")) return "\t";
  if (line.includes(",")) return ",";
  if (/\S\s+\S/.test(line)) return " ";
  throw new DatasetError(
    `cannot detect a column separator (::, tab, comma or spaces) in the first line: "${line.slice(0, 80)}"`,
  );
}

function splitLine(line: string, sep: string): string[] {
  const cells = sep === " " ? line.trim().split(/\s+/) : line.split(sep);
  return cells.map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

export function detectFormat(text: string): "retail" | "ratings" {
  const first = firstContentLine(lines(text));
  if (first === undefined) return "ratings";
  const cells = splitLine(first, first.includes("\t") ? "\t" : ",").map((c) => c.toLowerCase());
  return cells.includes("stock_code") && cells.includes("customer_id") ? "retail" : "ratings";
}

const isNumber = (s: string) => s !== "" && Number.isFinite(Number(s));

export function parseRatingsText(text: string): ParsedDataset {
  const all = lines(text);
  const first = firstContentLine(all);
  if (first === undefined) throw new DatasetError("the ratings file is empty");
  const separator = detectSeparator(first);
  const head = splitLine(first, separator);
  if (head.length < 3) {
    throw new DatasetError(
      `line 1: expected at least 3 columns (user, item, rating[, timestamp]) separated by "${separator === "\t" ? "\\t" : separator}", found ${head.length}`,
    );
  }
  const header = !isNumber(head[2]!);
  let cols = { user: 0, item: 1, rating: 2, timestamp: head.length > 3 ? 3 : -1 };
  if (header) {
    const names = head.map((h) => h.toLowerCase());
    const find = (re: RegExp) => names.findIndex((h) => re.test(h));
    const user = find(/user|customer/);
    const item = find(/item|movie|product|book|track|artist/);
    const rating = find(/rating|score|stars|preference/);
    cols = {
      user: user >= 0 ? user : 0,
      item: item >= 0 ? item : 1,
      rating: rating >= 0 ? rating : 2,
      timestamp: find(/time|date/),
    };
  }
  const interactions: RawInteraction[] = [];
  let lineNo = 0;
  let seenFirst = false;
  for (const line of all) {
    lineNo++;
    if (line.trim() === "") continue;
    if (!seenFirst) {
      seenFirst = true;
      if (header) continue;
    }
    const cells = splitLine(line, separator);
    const need = Math.max(cols.user, cols.item, cols.rating) + 1;
    if (cells.length < need)
      throw new DatasetError(
        `line ${lineNo}: expected at least ${need} columns, found ${cells.length}: "${line.slice(0, 80)}"`,
      );
    const user = cells[cols.user]!;
    const item = cells[cols.item]!;
    const ratingText = cells[cols.rating]!;
    if (user === "" || item === "") throw new DatasetError(`line ${lineNo}: empty user or item id`);
    if (!isNumber(ratingText)) throw new DatasetError(`line ${lineNo}: rating "${ratingText}" is not a number`);
    const row: RawInteraction = { user, item, rating: Number(ratingText) };
    const ts = cols.timestamp >= 0 ? cells[cols.timestamp] : undefined;
    if (ts !== undefined && ts !== "") {
      const t = isNumber(ts) ? Number(ts) : Date.parse(ts);
      if (Number.isFinite(t)) row.timestamp = t;
    }
    interactions.push(row);
  }
  if (interactions.length === 0) throw new DatasetError("the ratings file has a header but no data rows");
  return { format: "ratings", separator, header, interactions, skipped: 0, skippedBy: {} };
}

export function parseOnlineRetailText(text: string): ParsedDataset {
  const all = lines(text);
  const first = firstContentLine(all);
  if (first === undefined) throw new DatasetError("the retail file is empty");
  const names = splitLine(first, "\t").map((c) => c.toLowerCase());
  const col = Object.fromEntries(RETAIL_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof RETAIL_COLUMNS)[number],
    number
  >;
  const missing = (["stock_code", "quantity", "customer_id"] as const).filter((c) => col[c] < 0);
  if (missing.length > 0)
    throw new DatasetError(
      `retail header lacks column(s) ${missing.join(", ")}; expected tab-separated ${RETAIL_COLUMNS.join(", ")}`,
    );
  const skippedBy = { no_customer: 0, return_or_zero_quantity: 0, service_code: 0 };
  const interactions: RawInteraction[] = [];
  let lineNo = 0;
  let seenHeader = false;
  for (const line of all) {
    lineNo++;
    if (line.trim() === "") continue;
    if (!seenHeader) {
      seenHeader = true;
      continue;
    }
    const cells = line.split("\t");
    if (cells.length < names.length)
      throw new DatasetError(`line ${lineNo}: expected ${names.length} tab-separated columns, found ${cells.length}`);
    const customer = cells[col.customer_id]!.trim();
    const code = cells[col.stock_code]!.trim();
    const quantity = Number(cells[col.quantity]!.trim());
    if (!Number.isFinite(quantity))
      throw new DatasetError(`line ${lineNo}: quantity "${cells[col.quantity]}" is not a number`);
    if (customer === "") skippedBy.no_customer++;
    else if (quantity <= 0) skippedBy.return_or_zero_quantity++;
    else if (!/^\d/.test(code)) skippedBy.service_code++;
    else {
      const row: RawInteraction = { user: customer, item: code, rating: 1 };
      const when = col.invoice_date >= 0 ? Date.parse(cells[col.invoice_date]!.trim()) : NaN;
      if (Number.isFinite(when)) row.timestamp = when;
      interactions.push(row);
    }
  }
  const skipped = skippedBy.no_customer + skippedBy.return_or_zero_quantity + skippedBy.service_code;
  if (interactions.length === 0) throw new DatasetError("no usable purchases in the retail file");
  return { format: "retail", separator: "\t", header: true, interactions, skipped, skippedBy };
}

export function parseDataset(text: string, format: "auto" | "retail" | "ratings" = "auto"): ParsedDataset {
  const f = format === "auto" ? detectFormat(text) : format;
  return f === "retail" ? parseOnlineRetailText(text) : parseRatingsText(text);
}

/**
 * A domains file for the cross-domain split (`reco:eval --split cross-domain --domains FILE`): one
 * `item<TAB>domain` line per item (e.g. `p-123<TAB>course`). Blank lines are ignored; a first line whose
 * cells read like column names (item/product/id, then domain/kind/category/type) is a header. An item
 * listed twice with the same domain is fine; with two different domains it is an error, as is a line
 * without exactly one tab-separated pair. Items of the ratings file missing here are handled by the
 * evaluator (dropped, and counted in its protocol).
 */
export type ParsedDomains = {
  header: boolean;
  /** Item id -> domain name. */
  domainOf: Map<string, string>;
  /** Domain names, sorted: a domain's number in the evaluator is its index here. */
  domains: string[];
};

export function parseDomainsText(text: string): ParsedDomains {
  const all = lines(text);
  const domainOf = new Map<string, string>();
  let header = false;
  let lineNo = 0;
  let seenFirst = false;
  for (const line of all) {
    lineNo++;
    if (line.trim() === "") continue;
    const cells = line.split("\t").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
    if (!seenFirst) {
      seenFirst = true;
      if (
        cells.length === 2 &&
        /^(item|product|id|item_?id|product_?id)$/i.test(cells[0]!) &&
        /^(domain|kind|category|type)$/i.test(cells[1]!)
      ) {
        header = true;
        continue;
      }
    }
    if (cells.length !== 2)
      throw new DatasetError(
        `domains file line ${lineNo}: expected item<TAB>domain (2 tab-separated columns), found ${cells.length}: "${line.slice(0, 80)}"`,
      );
    const [item, domain] = cells as [string, string];
    if (item === "" || domain === "") throw new DatasetError(`domains file line ${lineNo}: empty item or domain`);
    const before = domainOf.get(item);
    if (before !== undefined && before !== domain)
      throw new DatasetError(
        `domains file line ${lineNo}: item "${item}" is in domain "${domain}" but was "${before}" earlier`,
      );
    domainOf.set(item, domain);
  }
  if (domainOf.size === 0) throw new DatasetError("the domains file lists no item");
  return { header, domainOf, domains: [...new Set(domainOf.values())].sort() };
}

/** The target domain's number (its index in `domains.domains`), or a DatasetError naming the choices. */
export function targetDomainIndex(domains: ParsedDomains, target: string): number {
  const t = domains.domains.indexOf(target);
  if (t < 0)
    throw new DatasetError(
      `target domain "${target}" is not in the domains file; it has ${domains.domains.join(", ")}`,
    );
  if (domains.domains.length < 2)
    throw new DatasetError(`the domains file has only the domain "${target}": a cross-domain split needs two`);
  return t;
}

export type DomainCoverage = {
  /** The interactions whose item has a domain, in their original order. */
  interactions: RawInteraction[];
  /** Interactions (rows) dropped because their item is not in the domains file. */
  rowsWithoutDomain: number;
  /** Distinct ratings-file items not in the domains file (all their rows are dropped). */
  itemsWithoutDomain: number;
  /** A few of those item ids, to recognise an id mismatch at a glance. */
  examplesWithoutDomain: string[];
};

/**
 * Keeps only interactions with items the domains file names. An item without a domain can be neither a
 * candidate in the target domain nor evidence of "another domain" without guessing, so it is dropped and
 * counted; the evaluator refuses to go on when nothing is left.
 */
export function keepItemsWithDomain(interactions: readonly RawInteraction[], domains: ParsedDomains): DomainCoverage {
  const kept: RawInteraction[] = [];
  const missing = new Set<string>();
  let rowsWithoutDomain = 0;
  for (const row of interactions) {
    if (domains.domainOf.has(row.item)) kept.push(row);
    else {
      rowsWithoutDomain++;
      missing.add(row.item);
    }
  }
  if (kept.length === 0)
    throw new DatasetError(
      `no item of the ratings file is in the domains file (e.g. "${interactions[0]?.item ?? ""}"): do the ids match?`,
    );
  return {
    interactions: kept,
    rowsWithoutDomain,
    itemsWithoutDomain: missing.size,
    examplesWithoutDomain: [...missing].slice(0, 5),
  };
}
