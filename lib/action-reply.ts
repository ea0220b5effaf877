/**
 * Whether a server-action request body is something React's reply decoder can finish. The decoder
 * (react-server-dom's decodeReply, run by Next before any action code) waits for every chunk a value
 * refers to ("$@1", "$Q2", "$3"…); a reference to a chunk that is not in the body never resolves and
 * Next answers 500 ("Connection closed"), as it does for a body that is not JSON. The browser's own
 * encoder (encodeReply) only refers to chunks it sends, so refusing these costs a real client nothing.
 */

// "$$…" is an escaped "$"; these stand for a value and refer to no chunk.
const SELF_CONTAINED = /^\$(?:\$|u$|undefined$|I$|Infinity$|-0$|-Infinity$|N$|NaN$|D|n-?\d|T|H$)/;
// "$K<id>" is a FormData argument: its entries are prefixed fields, none required.
const FORM_DATA = /^\$K[0-9a-f]+$/;
// Any other "$" + optional type letter + hex id refers to chunk <id>.
const REFERENCE = /^\$[A-Za-z@]?([0-9a-f]+)$/;
const MAX_DEPTH = 64;

type Chunks = (id: string) => string | Blob | null;

function valuesOk(value: unknown, chunks: Chunks | null, seen: Set<string>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") {
    if (value[0] !== "$" || SELF_CONTAINED.test(value) || FORM_DATA.test(value)) return true;
    const ref = REFERENCE.exec(value);
    if (!ref || !chunks) return false;
    const id = parseInt(ref[1]!, 16).toString(10);
    if (seen.has(id)) return true;
    const chunk = chunks(id);
    if (chunk === null) return false;
    // Typed arrays and blobs are binary fields; every other reference is a JSON model.
    if (typeof chunk !== "string") return true;
    seen.add(id);
    return chunkOk(chunk, chunks, seen, depth + 1);
  }
  if (Array.isArray(value)) return value.every((v) => valuesOk(v, chunks, seen, depth + 1));
  if (value && typeof value === "object")
    return Object.values(value).every((v) => valuesOk(v, chunks, seen, depth + 1));
  return true;
}

function chunkOk(text: string, chunks: Chunks | null, seen: Set<string>, depth: number): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return valuesOk(parsed, chunks, seen, depth);
}

/**
 * A text body (fetch action with only plain arguments): one JSON chunk, no references out of it. The
 * root is the argument list: Next throws (a 500) for a root that is not an array.
 */
export function isDecodableTextReply(body: string): boolean {
  try {
    const root: unknown = JSON.parse(body);
    return Array.isArray(root) && valuesOk(root, null, new Set(), 0);
  } catch {
    return false;
  }
}

/** A multipart body (fetch action with a FormData or file): chunk "0" is the root, the rest by id. */
export function isDecodableFormReply(form: FormData): boolean {
  const root = form.get("0");
  if (typeof root !== "string" || !root.trimStart().startsWith("[")) return false;
  const chunks: Chunks = (id) => {
    const value = form.get(id);
    return value === null ? null : value;
  };
  return chunkOk(root, chunks, new Set(["0"]), 0);
}
