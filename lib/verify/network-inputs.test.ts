import { describe, expect, it } from "vitest";
import { type PublishedNetwork, furtherNetworkPlans, prefilledInputs } from "./network-inputs";

const MIRROR: PublishedNetwork = {
  name: "mirror",
  chainId: "11155111",
  registry: "0x1111111111111111111111111111111111111111",
  anchorers: ["0x2222222222222222222222222222222222222222"],
  fromBlock: 4_200,
  confirmations: 6,
};
const OTHER = "0x3333333333333333333333333333333333333333";

describe("further networks of a bundle on /verify", () => {
  it("prefills each row with the registry this site publishes under that name, and nothing for a name it does not publish", () => {
    expect(prefilledInputs(["mirror", "hoodi"], [MIRROR])).toEqual({
      mirror: { rpcUrl: "", registry: MIRROR.registry },
      hoodi: { rpcUrl: "", registry: "" },
    });
  });

  it("checks a row with an endpoint and the published registry with the published anchorers, deployment block and depth", () => {
    const result = furtherNetworkPlans(["mirror"], { mirror: { rpcUrl: " https://node.example/rpc ", registry: MIRROR.registry.toUpperCase().replace("0X", "0x") } }, [MIRROR], 1);
    expect(result).toEqual({ ok: true, plans: [{ name: "mirror", rpcUrl: "https://node.example/rpc", registry: MIRROR.registry, anchorers: MIRROR.anchorers, fromBlock: 4_200, confirmations: 6 }] });
  });

  it("gives a registry typed in instead none of the published trust: role holders, from block 0, the default depth", () => {
    const result = furtherNetworkPlans(["mirror"], { mirror: { rpcUrl: "http://127.0.0.1:8545", registry: OTHER } }, [MIRROR], 2);
    expect(result).toEqual({ ok: true, plans: [{ name: "mirror", rpcUrl: "http://127.0.0.1:8545", registry: OTHER, anchorers: null, fromBlock: 0, confirmations: 2 }] });
  });

  it("leaves a row without an endpoint unchecked, even with a registry", () => {
    expect(furtherNetworkPlans(["mirror", "hoodi"], { mirror: { rpcUrl: "", registry: MIRROR.registry }, hoodi: { rpcUrl: "  ", registry: "" } }, [MIRROR], 1)).toEqual({ ok: true, plans: [] });
  });

  it("refuses half a row or a malformed value, naming the network", () => {
    const noRegistry = furtherNetworkPlans(["hoodi"], { hoodi: { rpcUrl: "https://node.example", registry: "" } }, [MIRROR], 1);
    expect(noRegistry).toEqual({ ok: false, error: expect.stringContaining("Network hoodi: enter the address of the registry") });
    const badRegistry = furtherNetworkPlans(["mirror"], { mirror: { rpcUrl: "https://node.example", registry: "0x1234" } }, [MIRROR], 1);
    expect(badRegistry.ok).toBe(false);
    const badUrl = furtherNetworkPlans(["mirror"], { mirror: { rpcUrl: "node.example:8545", registry: MIRROR.registry } }, [MIRROR], 1);
    expect(badUrl).toEqual({ ok: false, error: "Network mirror: the JSON-RPC endpoint must be an http:// or https:// address." });
  });
});
