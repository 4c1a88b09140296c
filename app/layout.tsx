import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TradeTrail", template: "%s · TradeTrail" },
  description: "Letters of credit negotiated, issued and settled with an audit trail anchored on Ethereum.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
