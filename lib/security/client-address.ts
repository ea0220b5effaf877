/**
 * The client's address, for per-address rate limits and the "place" of a signed-in device.
 *
 * Next does not expose the socket address to route handlers or server actions. What it does
 * (next/dist/server/base-server.js) is fill in `X-Forwarded-For` with the socket's address when the
 * request has no such header. So:
 * - behind a proxy you control (`AUTH_TRUST_HOST=true`, the setting that already says so for the
 *   Host header), the proxy appends the address it saw: the LAST entry is the client, and anything
 *   before it is whatever the client sent, never trusted;
 * - with no proxy, the header holds the socket address unless the client sent its own. A lone valid
 *   address is taken as is; a client that forges one can pick its bucket, so per-address limits are
 *   a speed bump there and the per-account limits are what stop guessing. Several entries or
 *   anything unparsable share one bucket, "unknown", which is only reachable by sending a forged
 *   header.
 * A garbage header never throws: it is an "unknown" address.
 */
import { isIP } from "node:net";

export type ClientAddress = { address: string; ipPrefix: string | null };

function parseEntry(entry: string | undefined): string | null {
  if (!entry) return null;
  let value = entry.trim();
  // "[v6]:port" and "v4:port" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/** IPv4 /24, IPv6 /48: where a device is, roughly, without naming the machine (shown on the account page). */
export function addressPrefix(address: string): string | null {
  const kind = isIP(address);
  if (kind === 4) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (kind === 6) return `${expandV6(address).slice(0, 3).join(":")}::/48`;
  return null;
}

/** The bucket a per-address limit counts in: the whole IPv4 address, an IPv6 /64 (one machine gets a whole /64). */
export function limitSubject(address: string): string {
  if (isIP(address) === 6) return `${expandV6(address).slice(0, 4).join(":")}::/64`;
  return address;
}

function expandV6(address: string): string[] {
  const [head = "", tail = ""] = address.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = address.includes("::") ? Array(Math.max(0, 8 - h.length - t.length)).fill("0") : [];
  return [...h, ...fill, ...t].map((g) => g.replace(/^0+(?=.)/, ""));
}

export function clientAddress(headers: Headers, { trustProxy }: { trustProxy: boolean }): ClientAddress {
  let entries: string[];
  try {
    entries = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
  } catch {
    entries = [];
  }
  const candidate = trustProxy ? entries.at(-1) : entries.length === 1 ? entries[0] : undefined;
  const address = parseEntry(candidate);
  if (!address) return { address: "unknown", ipPrefix: null };
  return { address, ipPrefix: addressPrefix(address) };
}
