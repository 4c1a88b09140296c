import { afterAll, beforeAll } from "vitest";
import { resetConfigCache } from "@/lib/config";

/** Sets APP_URL (the site address e-mailed links name) for a test file, and restores it after. */
export function useSiteUrl(url: string): void {
  const saved = process.env.APP_URL;
  beforeAll(() => {
    process.env.APP_URL = url;
    resetConfigCache();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = saved;
    resetConfigCache();
  });
}
