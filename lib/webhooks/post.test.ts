import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./post";

describe("the addresses a webhook may reach in production", () => {
  it("are public ones", () => {
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"]) expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("are not loopback, private, link-local (cloud metadata), shared, multicast, reserved or mapped private ones", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fd00::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "not-an-ip"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });
});
