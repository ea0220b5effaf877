import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function run(script: string, args: string[]) {
  const r = spawnSync("npx", ["tsx", script, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

describe("reco CLIs reject bad arguments with exit code 2 and one message", () => {
  it.each([
    ["scripts/reco-refresh.ts", ["--seed", "abc"], "--seed must be a number"],
    ["scripts/reco-refresh.ts", ["--now", "yesterday"], "--now must be a date"],
    ["scripts/reco-refresh.ts", ["--bogus"], "reco:refresh:"],
    ["scripts/bench-reco.ts", ["--sizes", "10k:1"], "--sizes entry"],
    ["scripts/bench-reco.ts", ["--items", "0"], "bench:reco:"],
  ])("%s %j", (script, args, message) => {
    const { code, stderr } = run(script, args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
