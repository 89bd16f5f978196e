/**
 * Network access for one sandbox session with a host allowlist: an `--internal` network, the egress
 * proxy on its gateway, and (as root) host firewall rules. The container joins the network with the
 * proxy in its environment and a DNS server that answers nothing (`--dns 127.0.0.1`: Docker's
 * embedded resolver forwards names it does not know to that address, inside the container, where
 * nothing listens), so no name resolves inside and no data leaves through DNS; the proxy resolves
 * names on the host.
 *
 * What stays reachable without the firewall rules is described in egress-firewall.ts.
 */
import { randomBytes } from "node:crypto";
import { GateError, getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { registerCleanup, type ContainerBinary } from "./cleanup.js";
import { parseAllowlist } from "./egress-allowlist.js";
import { restrictHostAccess } from "./egress-firewall.js";
import { createEgressNetwork, egressNetworkName, removeNetwork } from "./egress-network.js";
import { startEgressProxy } from "./egress-proxy.js";
import type { EgressLog } from "./egress-log.js";

/** A DNS server address with nothing behind it, inside the container's own network namespace. */
export const EGRESS_DNS = "127.0.0.1";

export interface SessionEgress extends AsyncDisposable {
  /** The network the container joins (`--network`). */
  readonly network: string;
  /** Proxy variables for the container's environment. */
  readonly env: Readonly<Record<string, string>>;
  log(): EgressLog;
}

export interface EgressInput {
  runId: string;
  allowlist: readonly string[];
  labels: Readonly<Record<string, string>>;
  logger: Logger;
}

/** The variables most HTTP clients read (curl, pip, npm, git, Go, cargo; Node ≥ 24 with the flag). */
export function proxyEnvironment(proxyUrl: string): Record<string, string> {
  const noProxy = "localhost,127.0.0.1";
  return {
    HTTP_PROXY: proxyUrl,
    HTTPS_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    https_proxy: proxyUrl,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    // Node's built-in fetch and http only honour the variables above with this set.
    NODE_USE_ENV_PROXY: "1",
  };
}

/** Sets up network, proxy and firewall; on failure undoes what was done and throws GateError. */
export async function openEgress(binary: ContainerBinary, input: EgressInput): Promise<SessionEgress> {
  const rules = parseAllowlist(input.allowlist);
  const name = egressNetworkName(input.runId, randomBytes(3).toString("hex"));
  await using stack = new AsyncDisposableStack();
  // Registered before `create`, so a signal arriving mid-create still removes it.
  const unregister = registerCleanup(`network ${name}`, () => removeNetwork(binary, name, input.logger));
  stack.defer(async () => {
    await removeNetwork(binary, name, input.logger);
    unregister();
  });
  const network = await createEgressNetwork(binary, name, input.labels);
  let proxy;
  let bridgeComesLater = false;
  try {
    proxy = await startEgressProxy({
      listenHost: network.gateway,
      rules,
      clientSubnet: network.subnet,
      logger: input.logger,
    }).catch((error: unknown) => {
      // Podman (netavark) brings a network's bridge, and so its gateway address, up only when the
      // first container joins, which needs the proxy's address first. The proxy then listens on
      // every address and still serves only clients from the network's subnet.
      if (binary !== "podman" || (error as NodeJS.ErrnoException).code !== "EADDRNOTAVAIL") throw error;
      input.logger.debug(`egress: ${network.gateway} is not up yet; the proxy listens on all addresses`);
      bridgeComesLater = true;
      return startEgressProxy({
        listenHost: "0.0.0.0",
        advertiseHost: network.gateway,
        rules,
        clientSubnet: network.subnet,
        logger: input.logger,
      });
    });
  } catch (error) {
    throw new GateError(
      `The egress proxy cannot listen on ${network.gateway}, the gateway of the sandbox network (${getErrorMessage(error)}). It runs in this process on the host, so it needs a rootful ${binary} engine on this machine (not rootless, not remote); otherwise remove "network" from the contract.`,
    );
  }
  stack.use(proxy);
  stack.use(
    await restrictHostAccess({
      bridge: network.bridge,
      gateway: network.gateway,
      proxyPort: proxy.port,
      bridgeComesLater,
      tag: name,
      logger: input.logger,
    }),
  );
  input.logger.debug(`egress: ${name} allows ${input.allowlist.join(", ")} through ${proxy.url}`);
  const owned = stack.move();
  const env = proxyEnvironment(proxy.url);
  const log = proxy.log.bind(proxy);
  let disposed = false;
  return {
    network: name,
    env,
    log,
    // Disposed after the session's container is gone (the network cannot go while it is attached).
    async [Symbol.asyncDispose]() {
      if (disposed) return;
      disposed = true;
      await owned.disposeAsync();
    },
  };
}
