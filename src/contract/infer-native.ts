/** `loophole init` for Go (go.mod) and Rust (Cargo.toml). */
import type { EcosystemGuess, SetupGuess } from "./ecosystem.js";
import type { RepoScan } from "./repo-scan.js";

const DEFAULT_GO = { major: 1, minor: 24 };

export async function inferGo(scan: RepoScan): Promise<EcosystemGuess | undefined> {
  const goMod = await scan.read("go.mod");
  if (goMod === undefined) return undefined;
  const notes: string[] = [];
  // A go.mod asking for a newer Go than the image makes the go command download a toolchain,
  // which fails without network: pick an image that already has it.
  const wanted = /^go\s+(\d+)\.(\d+)/m.exec(goMod);
  let version = `${DEFAULT_GO.major}.${DEFAULT_GO.minor}`;
  if (wanted?.[1] !== undefined && wanted[2] !== undefined) {
    const major = Number(wanted[1]);
    const minor = Number(wanted[2]);
    if (major > DEFAULT_GO.major || (major === DEFAULT_GO.major && minor > DEFAULT_GO.minor)) {
      version = `${major}.${minor}`;
      notes.push(`go.mod asks for Go ${version}, so the image is golang:${version}.`);
    }
  }
  const setup: SetupGuess[] = [];
  const requires = /^require\b/m.test(goMod);
  if (await scan.exists("vendor/modules.txt")) {
    notes.push(
      "vendor/modules.txt found: Go builds from the vendored modules, so the tests need no network.",
    );
  } else if (requires) {
    setup.push({ run: "go mod download", downloads: true });
  }
  return {
    name: "Go",
    evidence: ["go.mod"],
    image: `golang:${version}`,
    fullImage: `golang:${version}`,
    env: { CI: "true" },
    setup,
    tests: { run: "go test ./...", framework: "go" },
    verifiers: [],
    frozen: [],
    notes,
  };
}

export async function inferRust(scan: RepoScan): Promise<EcosystemGuess | undefined> {
  const cargoToml = await scan.read("Cargo.toml");
  if (cargoToml === undefined) return undefined;
  const setup: SetupGuess[] = [];
  const hasDependencies =
    /^\[(?:dev-|build-)?dependencies\]\s*\n\s*[A-Za-z0-9_-]+\s*=/m.test(cargoToml) ||
    /^\[workspace\]/m.test(cargoToml);
  if (scan.has("Cargo.lock")) setup.push({ run: "cargo fetch --locked", downloads: true });
  else if (hasDependencies) setup.push({ run: "cargo fetch", downloads: true });
  const frozen = scan.has(".cargo/config.toml") ? [".cargo/config.toml"] : [];
  return {
    name: "Rust",
    evidence: ["Cargo.toml", ...(scan.has("Cargo.lock") ? ["Cargo.lock"] : [])],
    image: "rust:1",
    fullImage: "rust:1",
    // The official image makes CARGO_HOME world-writable, so the sandbox's non-root user can fetch.
    env: { CI: "true" },
    setup,
    tests: { run: "cargo test", framework: "cargo" },
    verifiers: [],
    frozen,
    notes: [],
  };
}
