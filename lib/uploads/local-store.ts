import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UploadStore } from "./storage";

/** Uploads as files under one directory (UPLOAD_DIR): right for one machine, or a shared volume. */
export class LocalUploadStore implements UploadStore {
  readonly kind = "local" as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Keys are generated, but a key that would leave the root is refused all the same. */
  private file(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error(`upload key outside the store: ${key}`);
    return full;
  }

  // A file has no content type of its own: the serving route knows it (every upload is WebP).
  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data, { flag: "wx" });
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
