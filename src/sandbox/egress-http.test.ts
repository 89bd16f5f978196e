import { describe, expect, it } from "vitest";
import { deniedBody, endToEndHeaders } from "./egress-http.js";

describe("endToEndHeaders", () => {
  it("drops hop-by-hop and proxy headers, and those the Connection header names", () => {
    expect(
      endToEndHeaders({
        host: "example.com",
        accept: "*/*",
        connection: "keep-alive, X-Secret-Hop",
        "x-secret-hop": "1",
        "proxy-authorization": "Basic abc",
        "proxy-connection": "keep-alive",
        "keep-alive": "timeout=5",
        "transfer-encoding": "chunked",
        upgrade: "h2c",
        te: "trailers",
        "content-length": "3",
      }),
    ).toEqual({ host: "example.com", accept: "*/*", "content-length": "3" });
  });
});

describe("deniedBody", () => {
  it("names the destination, the reason and the contract fields that would allow it", () => {
    const body = deniedBody(
      { host: "evil.example", port: 443, kind: "name" },
      "evil.example:443 is not on the allowlist",
      false,
    );
    expect(body).toContain("refused evil.example:443: evil.example:443 is not on the allowlist.");
    expect(body).toContain('add "evil.example" to "sandbox.network" (or "executor.network"');
  });

  it("suggests host:port for other ports", () => {
    expect(deniedBody({ host: "10.0.0.5", port: 8081, kind: "ip" }, "r", false)).toContain(
      'add "10.0.0.5:8081"',
    );
    expect(deniedBody({ host: "::1", port: 443, kind: "ip" }, "r", false)).toContain('add "[::1]"');
  });

  it("gives no allowlist advice when the host is listed but led somewhere refused", () => {
    expect(
      deniedBody({ host: "packages.example.org", port: 443, kind: "name" }, "resolves to 127.0.0.1", true),
    ).not.toContain("To allow it");
  });
});
