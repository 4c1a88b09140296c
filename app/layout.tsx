import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TradeTrail", template: "%s · TradeTrail" },
  description: "Letters of credit negotiated, issued and settled with an audit trail anchored on Ethereum.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request with the nonce of its content-security policy (proxy.ts):
  // reading it here keeps even the not-found page from being prerendered without one.
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
