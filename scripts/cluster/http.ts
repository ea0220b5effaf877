/**
 * A browser without JavaScript, for the cluster test and its benchmark: plain HTTP/1.1 (node:http) with
 * a cookie jar, forms read from the server-rendered HTML and posted as multipart, the way a browser
 * submits a server action before hydration (every field, the hidden `$ACTION_…` ones included).
 *
 * Cookies are kept per client and sent to every address: the whole cluster lives on 127.0.0.1, and
 * browsers do not separate cookies by port either. `localAddress` picks the loopback address a client
 * connects from, so many "people" are counted under their own addresses by the per-address rate limits
 * (nginx passes the socket address on in X-Forwarded-For).
 */
import http from "node:http";

export type HttpResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: () => string;
  /** The Location header resolved against the request URL, or null. */
  location: URL | null;
};

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Gives up after this many milliseconds (default 60 s). */
  timeoutMs?: number;
};

const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** A kept-alive connection that the server had closed: the request never reached it. */
class StaleConnection extends Error {}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  private readonly agent: http.Agent;

  constructor(private readonly options: { localAddress?: string; keepAlive?: boolean; maxSockets?: number } = {}) {
    this.agent = new http.Agent({ keepAlive: options.keepAlive ?? true, maxSockets: options.maxSockets ?? 8 });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Stores Set-Cookie values; an empty value or an expiry in the past deletes the cookie. */
  private remember(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.split("=").map((s) => s.trim());
        if (key.toLowerCase() === "max-age") return Number(v) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(v) < Date.now();
        return false;
      });
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * One request. A kept-alive connection the server closed while idle fails the next request sent on it
   * before any answer ("socket hang up"); like a browser, that request is sent again once on a fresh
   * connection (Node's documented `reusedSocket` pattern). Nothing was processed, so this is safe for a
   * POST too; a failure on a new connection, or after an answer began, is the caller's to see.
   */
  async request(url: string | URL, options: RequestOptions = {}): Promise<HttpResponse> {
    try {
      return await this.send(url, options);
    } catch (error) {
      if (!(error instanceof StaleConnection)) throw error;
      return this.send(url, options);
    }
  }

  private send(url: string | URL, options: RequestOptions): Promise<HttpResponse> {
    const target = new URL(url);
    const body = typeof options.body === "string" ? Buffer.from(options.body) : options.body;
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: "text/html,application/xhtml+xml,*/*",
      "accept-language": "en-US,en;q=0.9",
      ...options.headers,
    };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (body) headers["content-length"] = String(body.byteLength);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: options.method ?? "GET",
          headers,
          agent: this.agent,
          localAddress: this.options.localAddress,
          timeout: options.timeoutMs ?? 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            this.remember(res.headers["set-cookie"]);
            const data = Buffer.concat(chunks);
            const location = res.headers.location ? new URL(res.headers.location, target) : null;
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: data,
              text: () => data.toString("utf8"),
              location,
            });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timed out: ${options.method ?? "GET"} ${target.href}`)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        const closedWhileIdle = error.code === "ECONNRESET" || error.message === "socket hang up";
        reject(req.reusedSocket && closedWhileIdle ? new StaleConnection(error.message) : error);
      });
      req.end(body);
    });
  }

  get(url: string | URL, headers?: Record<string, string>): Promise<HttpResponse> {
    return this.request(url, { headers });
  }

  /** Posts a form as multipart/form-data, with the Origin a browser on that page would send. */
  async postForm(url: string | URL, data: FormData, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const target = new URL(url);
    // The platform's own multipart encoder (boundary and all), via a Response over the FormData.
    const encoded = new Response(data);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.request(target, {
      method: "POST",
      body,
      headers: { "content-type": encoded.headers.get("content-type") ?? "", origin: target.origin, ...headers },
    });
  }

  /** Posts application/x-www-form-urlencoded (Auth.js's endpoints). */
  postUrlEncoded(url: string | URL, fields: Record<string, string>): Promise<HttpResponse> {
    const target = new URL(url);
    return this.request(target, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: target.origin },
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A form of a server-rendered page: its attributes and its successful controls, in document order. */
export type HtmlForm = {
  attributes: Record<string, string>;
  fields: [name: string, value: string][];
  /** Names of file inputs (left for the caller to fill). */
  files: string[];
  /** Named submit buttons: the one pressed adds its name and value. */
  buttons: { name: string; value: string }[];
  /** The form's inner HTML, for matching by what it shows. */
  html: string;
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos|nbsp);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" }[e] ?? "";
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/<>"']+)(?:="([^"]*)")?/g)) {
    const name = m[1];
    if (name) attributes[name.toLowerCase()] = decodeEntities(m[2] ?? "");
  }
  return attributes;
}

/**
 * The forms of a page as React renders them on the server (double-quoted, escaped attributes; no
 * nested forms). Not a general HTML parser: enough for inputs, textareas, selects and submit buttons.
 */
export function readForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const inner = m[2] ?? "";
    const form: HtmlForm = { attributes: attributesOf(m[1] ?? ""), fields: [], files: [], buttons: [], html: inner };
    const controls = /<(input|button|textarea|select)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/g;
    for (const c of inner.matchAll(controls)) {
      const kind = c[1];
      const a = attributesOf(c[2] ?? "");
      const name = a.name;
      if (!name || "disabled" in a) continue;
      if (kind === "input") {
        const type = (a.type ?? "text").toLowerCase();
        if (type === "file") form.files.push(name);
        else if (type === "submit") form.buttons.push({ name, value: a.value ?? "" });
        else if ((type === "checkbox" || type === "radio") && !("checked" in a)) continue;
        else form.fields.push([name, a.value ?? (type === "checkbox" ? "on" : "")]);
      } else if (kind === "button") {
        if ((a.type ?? "submit") === "submit") form.buttons.push({ name, value: a.value ?? "" });
      } else if (kind === "textarea") {
        form.fields.push([name, decodeEntities(c[3] ?? "")]);
      } else {
        const options = [...(c[3] ?? "").matchAll(/<option\b([^>]*)>/g)].map((o) => attributesOf(o[1] ?? ""));
        const chosen = options.find((o) => "selected" in o) ?? options[0];
        if (chosen) form.fields.push([name, chosen.value ?? ""]);
      }
    }
    forms.push(form);
  }
  return forms;
}

/** The first form whose fields satisfy `match` (e.g. it has a field named "payload"). */
export function findForm(html: string, match: (form: HtmlForm) => boolean, what: string): HtmlForm {
  const form = readForms(html).find(match);
  if (!form) throw new Error(`no ${what} form on the page`);
  return form;
}

export const hasField = (name: string, value?: string) => (form: HtmlForm) =>
  form.fields.some(([n, v]) => n === name && (value === undefined || v === value));

/**
 * The form's data as the browser would post it: every field, `overrides` replacing fields by name
 * (or adding them), `files` for file inputs, and the pressed button's name and value.
 */
export function formData(
  form: HtmlForm,
  overrides: Record<string, string> = {},
  files: Record<string, { data: Buffer; name: string; type: string }> = {},
  button?: { name: string; value: string },
): FormData {
  const data = new FormData();
  const seen = new Set<string>();
  for (const [name, value] of form.fields) {
    if (name in overrides) {
      if (!seen.has(name)) data.append(name, overrides[name] as string);
      seen.add(name);
    } else data.append(name, value);
  }
  for (const [name, value] of Object.entries(overrides)) if (!seen.has(name)) data.append(name, value);
  for (const [name, file] of Object.entries(files))
    data.append(name, new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  if (button) data.append(button.name, button.value);
  return data;
}

/** The visible text of a page, roughly: tags dropped, entities decoded, whitespace collapsed. */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/g, " ")
      .replace(/<style\b[\s\S]*?<\/style>/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}
