import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { baseRepo, contractText, gate, kinds } from "./gate-fixture.js";
import { BUSYBOX_IMAGE } from "../support/images.js";

describe("the gate on real repositories and containers", () => {
  it("passes an honest change and fails the unchanged base", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    const same = await gate(repo, base, base);
    expect(same.report.outcome).toBe("fail");
    expect(kinds(same.report)).toEqual(["verifier-failed"]);

    await repo.write("answer.txt", "42\n");
    const head = await repo.commit("fix");
    const { report } = await gate(repo, base, head);
    expect(report.outcome).toBe("pass");
    expect(report.verifiers).toMatchObject([
      { name: "answer", status: "pass", exitCode: 0, image: BUSYBOX_IMAGE },
    ]);
    expect(report.provenance).toMatchObject({ base, head, contractCommit: base, runtime: "docker" });
    expect(report.provenance.containersStarted).toBe(1);
    expect(report.notProven.length).toBeGreaterThan(0);
    expect(report.notProven.map((n) => n.kind)).not.toContain("no-protected-paths");
  });

  it("says what a contract that protects nothing but itself leaves unproven", async () => {
    const { repo, base } = await baseRepo({ protected: { frozen: ["loophole.json"], appendOnly: [] } });
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    await repo.write("tests/test_answer.sh", "true\n");
    const head = await repo.commit("fix, and empty the test");
    const { report } = await gate(repo, base, head);
    expect(report.outcome).toBe("pass");
    expect(report.notProven.map((n) => n.kind)).toContain("no-protected-paths");
    expect(report.notProven.map((n) => n.kind)).not.toContain("no-verifiers");

    // Tests but no verifiers: a valid contract, and the report says nothing else had to pass.
    const tap = 'printf "TAP version 13\\n1..1\\nok 1 - answer\\n" > "$LOOPHOLE_REPORTS/answer.tap"';
    const testsOnly = await baseRepo({
      verifiers: [],
      tests: { run: tap, framework: "tap", reports: ["*.tap"] },
    });
    await using _testsOnly = testsOnly.repo;
    await testsOnly.repo.write("answer.txt", "42\n");
    const fixed = await testsOnly.repo.commit("fix");
    const onlyTests = await gate(testsOnly.repo, testsOnly.base, fixed);
    expect(onlyTests.report.outcome, onlyTests.report.reasons.join("\n")).toBe("pass");
    expect(onlyTests.report.notProven.map((n) => n.kind)).toContain("no-verifiers");
  });

  it("flags a frozen file edit and runs the verifiers on the base version of it", async () => {
    const { repo, base } = await baseRepo({
      verifiers: [
        { name: "answer", run: 'test "$(cat answer.txt)" = 42' },
        { name: "config is the base one", run: "grep -qx original frozen/config.txt" },
      ],
    });
    await using _repo = repo;
    await repo.write("answer.txt", "42\n");
    await repo.write("frozen/config.txt", "weakened\n");
    const head = await repo.commit("fix and weaken");
    const { report } = await gate(repo, base, head);
    expect(report.outcome).toBe("fail");
    expect(kinds(report)).toEqual(["protected-path"]);
    expect(report.findings[0]).toMatchObject({ severity: "fail", path: "frozen/config.txt" });
    // The restored base file is what the verifiers saw.
    expect(report.verifiers.map((v) => v.status)).toEqual(["pass", "pass"]);
  });

  it("keeps appended test lines and restores a test file whose existing line was changed", async () => {
    const { repo, base } = await baseRepo({
      verifiers: [{ name: "tests", run: "sh tests/test_answer.sh" }],
    });
    await using _repo = repo;
    // Appending is allowed, and the appended line runs (it fails: answer.txt is not 42).
    await repo.write(
      "tests/test_answer.sh",
      '# check one\ntest -s answer.txt\ntest "$(cat answer.txt)" = 42\n',
    );
    const appended = await repo.commit("add a test");
    const first = await gate(repo, base, appended);
    expect(kinds(first.report)).toEqual(["verifier-failed"]);

    // Changing an existing line is a violation; the base version is restored, so it still runs.
    await repo.write("tests/test_answer.sh", "# check one\ntrue\n");
    const changed = await repo.commit("weaken the test");
    const second = await gate(repo, base, changed);
    expect(second.report.outcome).toBe("fail");
    expect(kinds(second.report)).toEqual(["protected-path"]);
    expect(second.report.findings[0]).toMatchObject({ path: "tests/test_answer.sh", line: 2 });
  });

  it("uses the base contract when the pull request weakens it, and says so", async () => {
    const { repo, base } = await baseRepo({});
    await using _repo = repo;
    await repo.write("loophole.json", contractText({ verifiers: [{ name: "answer", run: "true" }] }));
    const head = await repo.commit("weaken the contract");
    const { report } = await gate(repo, base, head);
    expect(report.outcome).toBe("fail");
    expect(kinds(report)).toEqual(["contract-changed", "verifier-failed"]);
    expect(report.verifiers[0]?.command).toBe('test "$(cat answer.txt)" = 42');
  });

  it("reports a verifier that times out as a failure of that verifier, not a crash", async () => {
    const { repo, base } = await baseRepo({
      verifiers: [
        { name: "hangs", run: "sleep 60", timeout: "2s" },
        { name: "after", run: "true" },
      ],
    });
    await using _repo = repo;
    const { report } = await gate(repo, base, base);
    expect(report.outcome).toBe("fail");
    expect(report.verifiers.map((v) => [v.name, v.status])).toEqual([
      ["hangs", "timeout"],
      ["after", "pass"],
    ]);
    expect(report.verifiers[0]?.durationMs).toBeLessThan(20_000);
    // The killed container was replaced for the next verifier.
    expect(report.provenance.containersStarted).toBe(2);
  });

  it("bounds a verifier that prints 50 MB", async () => {
    const { repo, base } = await baseRepo({
      verifiers: [{ name: "noisy", run: "yes loophole | head -c 52428800; exit 3" }],
    });
    await using _repo = repo;
    const { report } = await gate(repo, base, base);
    const [noisy] = report.verifiers;
    expect(noisy).toMatchObject({ status: "fail", exitCode: 3, outputBytes: 52_428_800 });
    expect(noisy?.outputTail.length).toBeLessThan(200_000);
    expect(JSON.stringify(report).length).toBeLessThan(400_000);
  });

  it("never lets the gate's environment or the checkout's credentials into the container", async () => {
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    // The verifiers search for it without spelling it out: the contract itself is in the clean room.
    const token = "FAKE-TOKEN-123-never-visible";
    const saved = { canary: process.env.LOOPHOLE_CANARY_SECRET, token: process.env.GITHUB_TOKEN };
    process.env.LOOPHOLE_CANARY_SECRET = canary;
    process.env.GITHUB_TOKEN = token;
    try {
      const { repo, base } = await baseRepo(
        {
          verifiers: [
            {
              name: "env",
              run: `env; p=FAKE-TOKEN; ! env | grep -q -e ${canary} -e LOOPHOLE_CANARY -e GITHUB_TOKEN -e "$p-123"`,
            },
            {
              name: "no git dir or credentials",
              run: `p=FAKE-TOKEN; test ! -e .git && ! grep -rq "$p-123-never-visible" /work /tmp && ! grep -q "/[.]git" /proc/self/mountinfo`,
            },
            {
              name: "committed files only",
              run: "test -f answer.txt && test ! -e untracked.txt && test ! -e ignored.log",
            },
            { name: "export-ignore is not obeyed", run: "test -f exported-not.txt" },
          ],
        },
        {
          ".gitattributes": "exported-not.txt export-ignore\n",
          "exported-not.txt": "kept\n",
          ".gitignore": "*.log\n",
        },
      );
      await using _repo = repo;
      await repo.git("config", "http.https://github.com/.extraheader", `AUTHORIZATION: basic ${token}`);
      await repo.writeUntracked("untracked.txt", "leftover\n");
      await repo.writeUntracked("ignored.log", "build leftover\n");
      const { report } = await gate(repo, base, base);
      expect(report.verifiers.map((v) => [v.name, v.status])).toEqual([
        ["env", "pass"],
        ["no git dir or credentials", "pass"],
        ["committed files only", "pass"],
        ["export-ignore is not obeyed", "pass"],
      ]);
      // What the container saw (its printed environment) holds neither the canary nor the token.
      const printedEnv = report.verifiers[0]?.outputTail ?? "";
      expect(printedEnv).toContain("HOME=");
      expect(printedEnv).not.toContain(canary);
      expect(printedEnv).not.toContain(token);
    } finally {
      process.env.LOOPHOLE_CANARY_SECRET = saved.canary;
      process.env.GITHUB_TOKEN = saved.token;
      if (saved.canary === undefined) delete process.env.LOOPHOLE_CANARY_SECRET;
      if (saved.token === undefined) delete process.env.GITHUB_TOKEN;
    }
  });

  it("lets verifiers reach only the contract's hosts, through the proxy, and names them as not proven", async () => {
    const server = createServer((_req, res) => res.end("fixture data"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const allowed = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fetch = (url: string): string =>
        `p=\${HTTP_PROXY#http://}; (printf 'GET ${url} HTTP/1.0\\r\\n\\r\\n'; sleep 1) | nc -w 5 \${p%:*} \${p##*:}`;
      const { repo, base } = await baseRepo({
        sandbox: { network: [allowed] },
        verifiers: [
          { name: "allowed host", run: `${fetch(`http://${allowed}/`)} | grep -q "fixture data"` },
          { name: "other host refused", run: `${fetch("http://elsewhere.example/")} | grep -q "403"` },
        ],
      });
      await using _repo = repo;
      const { report } = await gate(repo, base, base);
      expect(report.verifiers.map((v) => [v.name, v.status])).toEqual([
        ["allowed host", "pass"],
        ["other host refused", "pass"],
      ]);
      expect(report.notProven.map((n) => n.kind)).toContain("network-allowed");
    } finally {
      server.close();
    }
  });

  it("runs setup first, and skips the verifiers when setup fails", async () => {
    const { repo, base } = await baseRepo({
      setup: [{ run: "echo built > built.txt" }, { run: "exit 7" }],
      verifiers: [{ name: "answer", run: "true" }],
    });
    await using _repo = repo;
    const { report } = await gate(repo, base, base);
    expect(report.outcome).toBe("fail");
    expect(report.setup.map((s) => s.status)).toEqual(["pass", "fail"]);
    expect(report.verifiers.map((v) => v.status)).toEqual(["skipped"]);
    expect(kinds(report)).toEqual(["setup-failed"]);
  });

  it("is an error, never a pass, when the contract is missing, invalid or its image is", async () => {
    const { repo } = await baseRepo({});
    await using _repo = repo;
    await repo.remove("loophole.json");
    const noContract = await repo.commit("remove the contract");
    // The contract is missing at the *base* of this comparison.
    await repo.write("answer.txt", "42\n");
    await repo.write("loophole.json", contractText({}));
    const adds = await repo.commit("re-add it");
    const missing = await gate(repo, noContract, adds);
    expect(missing.report.outcome).toBe("error");
    expect(missing.report.reasons.join("\n")).toContain("loophole init");
    expect(kinds(missing.report)).toEqual(["contract-added"]);

    await repo.write("loophole.json", '{ "version": 1, "goal": "x", "verifiers": [], "sandbx": {} }\n');
    const invalid = await repo.commit("invalid contract");
    const bad = await gate(repo, invalid, invalid);
    expect(bad.report.outcome).toBe("error");
    expect(bad.report.reasons.join("\n")).toMatch(/sandbx.*did you mean .sandbox/s);
    expect(bad.report.reasons.join("\n")).toMatch(/line 1, column/);

    await repo.write(
      "loophole.json",
      contractText({ sandbox: { image: "loophole-test/does-not-exist:404" } }),
    );
    const noImage = await repo.commit("missing image");
    const image = await gate(repo, noImage, noImage);
    expect(image.report.outcome).toBe("error");
    expect(image.report.reasons.join("\n")).toContain("loophole-test/does-not-exist:404");
  });
});
