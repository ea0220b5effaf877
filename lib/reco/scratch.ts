/**
 * Scratch memory that k-means reuses from one call to the next (the points' shared copy, bounds,
 * seeding distances). On the machines we measure on, the first touch of freshly allocated memory costs
 * ~30 ms per 3 MB (page faults, a VM returning freed pages to its host), more than the arithmetic on it:
 * allocating ~20 MB per fit of 100,000 x 16 points made k-means several times slower than the same work
 * in reused memory, which numpy gets from its allocator. Each buffer belongs to one named use; a caller
 * must write every entry it reads (contents are left over from the previous call) and must not keep the
 * array past its own synchronous call. Buffers only grow; they are held for the life of the process, as
 * the WebAssembly kernels' memory is.
 */
const buffers = new Map<string, ArrayBuffer | SharedArrayBuffer>();

function buffer(name: string, bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  const key = `${name}:${shared ? "shared" : "local"}`;
  const have = buffers.get(key);
  if (have !== undefined && have.byteLength >= bytes) return have;
  // Grow by a quarter at least, so slowly growing inputs do not reallocate on every call.
  const size = Math.max(bytes, Math.ceil(((have?.byteLength ?? 0) * 1.25) / 8) * 8, 64);
  const made = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
  buffers.set(key, made);
  return made;
}

/** A Float64Array of `length` entries (starting at byte 0 of its buffer) reused under `name`. */
export function scratchF64(name: string, length: number, shared = false): Float64Array {
  return new Float64Array(buffer(name, length * 8, shared), 0, length);
}

/** An Int32Array of `length` entries (starting at byte 0 of its buffer) reused under `name`. */
export function scratchI32(name: string, length: number, shared = false): Int32Array {
  return new Int32Array(buffer(name, length * 4, shared), 0, length);
}
