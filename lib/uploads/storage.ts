/**
 * Where uploaded files live. Every instance of the app must see every upload, so the bytes go through
 * one interface: a local directory (the default, for one machine) or any S3-compatible bucket (when
 * S3_BUCKET is set, for several instances). Keys are `<folder>/<generated name>`, never user input.
 */
import { env } from "@/lib/env";

export type UploadFolder = "works";

export interface UploadStore {
  readonly kind: "local" | "s3";
  /**
   * Writes an object under a fresh key (names are random UUIDs, so a key is written once). The local
   * store refuses an existing key outright; S3 conditional writes are not used, since not every
   * S3-compatible server supports them.
   */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
}

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
};

/** The S3 settings from the environment, or null when uploads stay on the local disk. */
export function s3SettingsFromEnv(): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX,
  };
}

const globalForStore = globalThis as unknown as { __atelierUploadStore?: Promise<UploadStore> };

/** The configured store, made once per process (the S3 client keeps its connections alive). */
export function uploadStore(): Promise<UploadStore> {
  globalForStore.__atelierUploadStore ??= (async () => {
    const s3 = s3SettingsFromEnv();
    if (s3) return new (await import("./s3-store")).S3UploadStore(s3);
    return new (await import("./local-store")).LocalUploadStore(env.UPLOAD_DIR);
  })();
  return globalForStore.__atelierUploadStore;
}

export function uploadKey(folder: UploadFolder, file: string): string {
  return `${folder}/${file}`;
}

/** Lets tests and scripts use a store they made themselves (a bucket on a test server, a scratch folder). */
export function useUploadStore(store: UploadStore): void {
  globalForStore.__atelierUploadStore = Promise.resolve(store);
}
