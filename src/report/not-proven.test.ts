import { describe, expect, it } from "vitest";
import {
  BASE_NOT_PROVEN_KINDS,
  baseInventoryMissing,
  baseNotProven,
  contractNotEnforceable,
  networkAllowed,
  noProtectedPaths,
  noTestsSection,
  noVerifiers,
  protectedChangesApproved,
  runtimeHost,
  verifierSkipped,
} from "./not-proven.js";

describe("baseNotProven", () => {
  it("names each class-e cheat once, under its stable key", () => {
    const items = baseNotProven();
    // These keys are part of the JSON report; changing one is a breaking change.
    expect(items.map((i) => i.kind)).toEqual([
      "special-casing",
      "always-equal",
      "stateful-responses",
      "reads-answers",
      "measurement-tampering",
      "stubbed-functionality",
      "weakened-assertions",
      "framework-patched",
      "forged-results",
    ]);
    expect(new Set(items.map((i) => i.text)).size).toBe(BASE_NOT_PROVEN_KINDS.length);
  });

  it("says each in one short sentence", () => {
    for (const { text } of baseNotProven()) {
      expect(text).toMatch(/^[A-Z][^\n]*\.$/);
      expect(text.length).toBeLessThanOrEqual(160);
    }
  });

  it("returns a fresh list each time", () => {
    const first = baseNotProven();
    first.pop();
    expect(baseNotProven()).toHaveLength(BASE_NOT_PROVEN_KINDS.length);
  });
});

describe("situational items", () => {
  it("name what the run relaxed", () => {
    expect(runtimeHost().kind).toBe("runtime-host");
    expect(runtimeHost().text).toContain("no isolation");
    expect(networkAllowed(["packages.example.org", "registry.example.com"]).text).toContain(
      "packages.example.org, registry.example.com",
    );
    expect(verifierSkipped("e2e", "no image")).toEqual({
      kind: "verifier-skipped",
      text: 'Verifier "e2e" did not run (no image): nothing it checks was proven.',
    });
    expect(noTestsSection().text).toContain("only exit codes were checked");
    expect(contractNotEnforceable("the contract was added by this change").text).toContain(
      "(the contract was added by this change)",
    );
    expect(baseInventoryMissing("no JUnit report").kind).toBe("base-inventory-missing");
    expect(noVerifiers().kind).toBe("no-verifiers");
    expect(noProtectedPaths().kind).toBe("no-protected-paths");
    expect(protectedChangesApproved(["ci/verify.sh"]).text).toContain("ci/verify.sh");
  });

  it("keep long lists short", () => {
    const hosts = Array.from({ length: 40 }, (_, i) => `h${i}.example`);
    const text = networkAllowed(hosts).text;
    expect(text).toContain("h4.example and 35 more");
    expect(text).not.toContain("h5.example");
    expect(networkAllowed([]).text).toContain("some hosts");
  });

  it("have distinct kinds, none clashing with the base list", () => {
    const kinds = [
      runtimeHost(),
      networkAllowed([]),
      verifierSkipped("x", "y"),
      noTestsSection(),
      baseInventoryMissing("x"),
      contractNotEnforceable("x"),
      noVerifiers(),
      noProtectedPaths(),
      protectedChangesApproved([]),
    ].map((i) => i.kind);
    expect(new Set([...kinds, ...BASE_NOT_PROVEN_KINDS]).size).toBe(
      kinds.length + BASE_NOT_PROVEN_KINDS.length,
    );
  });
});
