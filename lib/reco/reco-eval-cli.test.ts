import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "reco-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync("npx", ["tsx", "scripts/reco-eval.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Items i0..i5 are courses, i6..i11 artworks (the two taste groups of ratings() span both). */
function domainsFile(): string {
  return `item\tdomain\n${Array.from({ length: 12 }, (_, i) => `i${i}\t${i % 2 === 0 ? "course" : "artwork"}`).join("\n")}\n`;
}

/** 40 users in two taste groups over 12 items, as user,item,rating lines joined by `sep`. */
function ratings(sep: string): string {
  const lines: string[] = [];
  for (let u = 0; u < 40; u++)
    for (let t = 0; t < 5; t++)
      lines.push([`u${u}`, `i${(u % 2) * 6 + ((u + t) % 6)}`, String(1 + ((u + t) % 5)), String(1000 + t)].join(sep));
  return `${lines.join("\n")}\n`;
}

describe("scripts/reco-eval.ts", () => {
  it("prints the usage, naming every model, on --help and exits 0", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: .*--ratings FILE.*--models pop,itemknn,userknn,ease,rp3beta,als,served/);
  });

  it("exits 2 with one clear message when the ratings file is missing", () => {
    const r = run(["--ratings", path.join(dir, "nope.csv")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot read ratings file .*nope\.csv: ENOENT/);
  });

  it("exits 2 on an unknown model, a test ratio outside (0, 1), an unknown flag, bad columns", () => {
    const good = file("good.csv", ratings(","));
    const unknown = run(["--ratings", good, "--models", "pop,magic"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown model(s) magic");
    const ratio = run(["--ratings", good, "--test-ratio", "1.5"]);
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toContain("--test-ratio must be in (0, 1)");
    const flag = run(["--ratings", good, "--bogus", "1"]);
    expect(flag.code).toBe(2);
    const bad = run(["--ratings", file("bad.csv", "u1,i1,5\nu2,i2,high\n")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 2: rating "high" is not a number');
  });

  it("prints exactly one JSON object for comma, tab and :: files", () => {
    for (const [name, sep] of [
      ["r.csv", ","],
      ["u.data", "\t"],
      ["ratings.dat", "::"],
    ] as const) {
      const r = run([
        "--ratings",
        file(name, ratings(sep)),
        "--k",
        "3",
        "--models",
        "pop,itemknn,ease,served",
        "--min-rating",
        "2",
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {
        protocol: Record<string, unknown>;
        models: Record<string, Record<string, number>>;
      };
      expect(Object.keys(out)).toEqual(["protocol", "models"]);
      expect(Object.keys(out.models)).toEqual(["pop", "itemknn", "ease", "served"]);
      expect(Object.keys(out.models.pop!).sort()).toEqual(["coverage", "fit_s", "ndcg@3", "precision@3", "recall@3"]);
      expect(out.protocol).toMatchObject({
        k: 3,
        min_rating: 2,
        split: "user",
        seed: 42,
        test_ratio: 0.25,
        separator: sep === "\t" ? "tab" : sep,
      });
      expect(r.stderr).toContain("[reco-eval]");
    }
  });

  it("cross-domain: needs --domains and --target, and refuses them on other splits", () => {
    const good = file("xd.csv", ratings(","));
    const domains = file("xd-domains.tsv", domainsFile());
    const noDomains = run(["--ratings", good, "--split", "cross-domain", "--target", "artwork"]);
    expect(noDomains.code).toBe(2);
    expect(noDomains.stderr).toContain("--domains is required with --split cross-domain");
    const noTarget = run(["--ratings", good, "--split", "cross-domain", "--domains", domains]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain("--target is required with --split cross-domain");
    const stray = run(["--ratings", good, "--domains", domains, "--target", "artwork"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("--domains only applies to --split cross-domain");
    expect(stray.stderr).toContain("--target only applies to --split cross-domain");
    const badTarget = run(["--ratings", good, "--split", "cross-domain", "--domains", domains, "--target", "music"]);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('target domain "music" is not in the domains file; it has artwork, course');
    const missing = run([
      "--ratings",
      good,
      "--split",
      "cross-domain",
      "--domains",
      path.join(dir, "no.tsv"),
      "--target",
      "x",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read domains file .*no\.tsv: ENOENT/);
    const malformed = run([
      "--ratings",
      good,
      "--split",
      "cross-domain",
      "--domains",
      file("bad.tsv", "i0 course\n"),
      "--target",
      "course",
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("domains file line 1: expected item<TAB>domain");
  });

  it("cross-domain: prints one JSON object with the single models and the protocol", () => {
    const r = run([
      "--ratings",
      file("xd2.csv", ratings(",")),
      "--split",
      "cross-domain",
      "--domains",
      file("xd2-domains.tsv", domainsFile()),
      "--target",
      "artwork",
      "--k",
      "3",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { protocol: Record<string, unknown>; models: Record<string, unknown> };
    expect(Object.keys(out.models)).toEqual(["pop", "itemknn", "userknn", "ease", "rp3beta", "als", "served"]);
    expect(out.protocol).toMatchObject({ split: "cross-domain", target: "artwork", seed: 42, test_ratio: 0.25, k: 3 });
    expect(out.protocol.test_users).toBeGreaterThan(0);
    const hybrid = run([
      "--ratings",
      file("xd3.csv", ratings(",")),
      "--split",
      "cross-domain",
      "--domains",
      file("xd3-domains.tsv", domainsFile()),
      "--target",
      "artwork",
      "--models",
      "pop,hybrid",
    ]);
    expect(hybrid.code).toBe(2);
    expect(hybrid.stderr).toContain("unknown model(s) hybrid");
  });
});
