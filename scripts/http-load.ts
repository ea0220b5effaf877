/**
 * What the HTTP benchmarks share (bench:proxy-http, bench:cluster) and the cluster harness: a GET over a
 * keep-alive agent, a fixed-duration load loop over N connections, a free port, the median of runs.
 */
import http from "node:http";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { percentile } from "./percentile";

export type LoadSample = { requests: number; errors: number; perSecond: number; p50: number; p99: number };

const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 bench";

/** One GET to 127.0.0.1-style `host:port` + `path`, the body drained; its status and Set-Cookie lines. */
export function httpGet(
  target: { host: string; port: number | string; path: string },
  agent: http.Agent,
  cookie: string,
): Promise<{ status: number; cookies: string[] }> {
  return new Promise((done, fail) => {
    const req = http.get(
      { host: target.host, port: target.port, path: target.path, agent, headers: { cookie, "user-agent": USER_AGENT } },
      (res) => {
        res.resume();
        res.on("end", () => done({ status: res.statusCode ?? 0, cookies: res.headers["set-cookie"] ?? [] }));
      },
    );
    req.on("error", fail);
  });
}

/**
 * `connections` keep-alive loops requesting the target for `seconds`, each request with the cookie
 * `cookieFor()` gives; anything but a 200 (or a refused connection) counts as an error.
 */
export async function loadTest(
  target: { host: string; port: number | string; path: string },
  cookieFor: () => string,
  seconds: number,
  connections: number,
): Promise<LoadSample> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const res = await httpGet(target, agent, cookieFor()).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - t0);
        if (res.status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

/** A port nothing listens on right now (the OS picks it; a tiny race with other programs is accepted). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}
