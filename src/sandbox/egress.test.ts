import { describe, expect, it } from "vitest";
import { proxyEnvironment } from "./egress.js";

describe("proxyEnvironment", () => {
  it("points both spellings of the proxy variables at the proxy and keeps loopback direct", () => {
    const env = proxyEnvironment("http://172.22.0.1:40123");
    for (const key of ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"]) {
      expect(env[key], key).toBe("http://172.22.0.1:40123");
    }
    expect(env["NO_PROXY"]).toBe("localhost,127.0.0.1");
    expect(env["no_proxy"]).toBe("localhost,127.0.0.1");
  });
});
