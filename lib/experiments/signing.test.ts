import { describe, expect, it } from "vitest";
import { fromBase64Url, signValue, toBase64Url, verifySignedValue } from "./signing";

describe("signValue / verifySignedValue", () => {
  it("matches RFC 4231 test case 2 (HMAC-SHA256, key 'Jefe')", async () => {
    // Digest 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843 (RFC 4231 section 4.3),
    // base64url-encoded with Python's base64.urlsafe_b64encode, padding stripped.
    expect(await signValue("what do ya want for nothing?", "Jefe")).toBe(
      "what do ya want for nothing?.W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM",
    );
  });

  it("round-trips, including values that contain dots", async () => {
    for (const value of ["v_123", "v_123.abc", "", "exp:spring=1|exp:cart=0"]) {
      const signed = await signValue(value, "secret");
      expect(await verifySignedValue(signed, "secret")).toBe(value);
    }
    // Cross-checked with Python: hmac.new(b"secret", b"v_123.abc", sha256), base64url.
    expect(await signValue("v_123.abc", "secret")).toBe("v_123.abc.EvuRXBC9BSeH3XFlmh-uHbswVsUnp9SMzm8G9YmGcbY");
  });

  it("rejects a tampered value or signature", async () => {
    const signed = await signValue("variant=0", "secret");
    const sig = signed.slice(signed.lastIndexOf(".") + 1);
    expect(await verifySignedValue(`variant=1.${sig}`, "secret")).toBeNull();
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(await verifySignedValue(`variant=0.${flipped}`, "secret")).toBeNull();
    expect(await verifySignedValue(`variant=0.${sig.slice(0, -2)}`, "secret")).toBeNull();
    expect(await verifySignedValue("variant=0", "secret")).toBeNull();
    expect(await verifySignedValue("variant=0.not*base64", "secret")).toBeNull();
  });

  it("rejects a signature made with another secret", async () => {
    const signed = await signValue("variant=0", "secret-a");
    expect(await verifySignedValue(signed, "secret-b")).toBeNull();
  });

  it("refuses an empty secret", async () => {
    await expect(signValue("x", "")).rejects.toThrow(/secret/);
    await expect(verifySignedValue("x.abc", "")).rejects.toThrow(/secret/);
  });
});

describe("base64url", () => {
  it("round-trips every length mod 3", () => {
    for (let len = 0; len < 10; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 97 + 251) % 256);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
  });
  it("rejects characters outside the alphabet", () => {
    expect(fromBase64Url("ab+c")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
  });
});
