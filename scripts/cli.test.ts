import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function run(script: string, args: string[]) {
  const r = spawnSync("npx", ["tsx", script, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Both scripts read their flags through scripts/cli.ts; nothing runs when a flag is bad.
describe("bench-checkout and sim-aa flags", () => {
  it.each([
    ["scripts/bench-checkout.ts", ["--bogus"], "bench-checkout: Unknown option '--bogus'"],
    ["scripts/bench-checkout.ts", ["--orders="], "bench-checkout: --orders needs a value"],
    [
      "scripts/bench-checkout.ts",
      ["--lines", "5", "--artworks", "2"],
      "bench-checkout: --lines cannot exceed --artworks",
    ],
    ["scripts/sim-aa.ts", ["--rate", "2"], "sim-aa: --rate: Too big"],
    ["scripts/sim-aa.ts", ["extra"], "sim-aa: Unexpected argument 'extra'"],
    ["scripts/sim-aa.ts", ["--cuped"], "sim-aa: --cuped needs --pre-correlation R"],
  ])("%s %j exits 2 with a message and the usage", (script, args, message) => {
    const { code, stdout, stderr } = run(script, args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const [first, usage, ...rest] = stderr.trim().split("\n");
    expect(first).toContain(message);
    expect(usage).toMatch(/^usage: tsx scripts\//);
    expect(rest).toEqual([]);
  });

  it("ends sim-aa's output with one JSON line holding the contract's fields", () => {
    const { code, stdout } = run("scripts/sim-aa.ts", [
      "--experiments",
      "20",
      "--visitors",
      "400",
      "--peeks",
      "4",
      "--sequential",
      "--pre-correlation",
      "0.5",
      "--cuped",
      "--uplift",
      "0.1",
    ]);
    expect(code).toBe(0);
    const last = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ experiments: 20, visitors: 400, peeks: 4, sequential: true, alpha: 0.05 });
    for (const field of ["fprAbsolute", "fprRelative", "ciWidthRatio", "power"])
      expect(typeof last[field]).toBe("number");
  });

  it("prints the usage on --help and exits 0", () => {
    const { code, stdout, stderr } = run("scripts/sim-aa.ts", ["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: tsx scripts\/sim-aa\.ts /);
    expect(stderr).toBe("");
  });
});
