/**
 * Shared by bench-kmeans.ts and bench-knn.ts: Debian's Python with scikit-learn (installed through apt
 * when missing; the pyenv python3 on PATH has no scikit-learn), running a reference script from this
 * folder and reading the one JSON line it prints last.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

export const PYTHON = "/usr/bin/python3";

function hasModules(modules: string[]): boolean {
  return spawnSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")], { stdio: "ignore" }).status === 0;
}

/** Makes sure numpy, scipy and scikit-learn import in /usr/bin/python3, installing python3-sklearn if not. */
export function ensureScikitLearn(log: (line: string) => void): void {
  const modules = ["numpy", "scipy", "sklearn", "threadpoolctl"];
  if (hasModules(modules)) return;
  log("installing Debian's python3-sklearn (apt-get)...");
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "-q", "python3-sklearn"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0;
  if (!install()) {
    // A fresh image has no package lists yet.
    spawnSync("apt-get", ["update", "-q"], { stdio: ["ignore", "ignore", "inherit"] });
    if (!install()) throw new Error("apt-get install python3-sklearn failed; run it by hand (as root) and retry");
  }
  if (!hasModules(modules)) throw new Error(`${PYTHON} still cannot import ${modules.join(", ")}`);
}

/** Runs scripts/reference/<script> with arguments; returns the JSON object on its last stdout line. */
export function runReference<T>(script: string, args: string[]): T {
  const file = path.join(import.meta.dirname, script);
  const res = spawnSync(PYTHON, [file, ...args], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (res.status !== 0) throw new Error(`${script} failed (${res.status}):\n${res.stderr}`);
  const last = res.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Load average over the last minute, for the printed context (the machine is shared). */
export function loadAverage(): string {
  return spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
}
