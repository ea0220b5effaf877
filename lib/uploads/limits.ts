/** Upload limits, in a module of their own so client forms can check a file before sending it. */
export const UPLOAD_LIMITS = { maxBytes: 8 * 1024 * 1024, maxSide: 8000, minSide: 200, outputSide: 1600 };

/** Every upload (and every sized copy of one) is re-encoded to WebP, so its type is known without sniffing. */
export const UPLOAD_CONTENT_TYPE = "image/webp";
