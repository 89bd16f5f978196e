/** The runtime named by the contract or the `--runtime` option. */
import type { RuntimeKind } from "../contract/types.js";
import { silentLogger, type Logger } from "../core/logger.js";
import { ContainerCli } from "./docker.js";
import { HostRuntime } from "./host.js";
import type { ContainerRuntime } from "./types.js";

export function createRuntime(kind: RuntimeKind, logger: Logger = silentLogger): ContainerRuntime {
  switch (kind) {
    case "docker":
    case "podman":
      return new ContainerCli(kind, logger);
    case "host":
      return new HostRuntime(logger);
  }
}
