import path from "node:path";
import { getAddress } from "ethers";
import { config } from "@/lib/config";
import { readDeployment } from "@/lib/chain/deploy";

// What the server's verifiers ("Verify now", the certificate, the portfolio check) trust: the
// configured registry, the published anchorers and the confirmation depth. Never a bundle's or a
// database row's word. Server-only.

export interface ServerTrust {
  allowedAnchorers: string[] | null;
  confirmations: number;
  fromBlock: number;
  lateAnchorSeconds: number;
}

/** The trust settings for the registry at `contractAddress` on `chainId`. */
export function serverTrust(chainId: bigint, contractAddress: string): ServerTrust {
  const settings = config();
  let record: ReturnType<typeof readDeployment> = null;
  try {
    record = readDeployment(path.resolve(settings.DATA_DIR), chainId);
  } catch {
    record = null; // a damaged record is no source of trust
  }
  const recordMatches = record !== null && record.address === getAddress(contractAddress);
  const configured = settings.ANCHOR_ALLOWED_ANCHORERS?.split(",").map((a) => getAddress(a.trim()));
  return {
    allowedAnchorers: configured ?? (recordMatches ? [record!.anchorer] : null),
    confirmations: settings.VERIFY_CONFIRMATIONS ?? Math.max(1, settings.ANCHOR_CONFIRMATIONS),
    fromBlock: settings.ANCHOR_REGISTRY_FROM_BLOCK ?? (recordMatches ? record!.blockNumber : 0),
    lateAnchorSeconds: settings.VERIFY_LATE_ANCHOR_HOURS * 3600,
  };
}
