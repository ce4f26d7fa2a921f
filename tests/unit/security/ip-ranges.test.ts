import { describe, expect, it } from "vitest";
import { isIpLiteral, isPublicIp } from "@/lib/security/ip-ranges";

describe("isPublicIp", () => {
  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "[2a00:1450:4001:82b::200e]", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "%s is public",
    (ip) => expect(isPublicIp(ip)).toBe(true),
  );

  it.each([
    ["0.0.0.0", "this network"],
    ["10.1.2.3", "private"],
    ["127.0.0.1", "loopback"],
    ["127.200.0.9", "loopback /8"],
    ["169.254.169.254", "cloud metadata"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "CGNAT"],
    ["198.18.0.1", "benchmarking"],
    ["192.0.2.10", "documentation"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback in URL form"],
    ["fd00::1", "unique local"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "mapped loopback"],
    ["::ffff:7f00:1", "mapped loopback, hex"],
    ["::ffff:169.254.169.254", "mapped metadata"],
    ["64:ff9b::a9fe:a9fe", "NAT64 of the metadata address"],
    ["2001:db8::1", "documentation"],
  ])("%s is not (%s)", (ip) => expect(isPublicIp(ip)).toBe(false));

  it("treats anything malformed as not public", () => {
    for (const bad of ["", "localhost", "256.1.1.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "::g", "1::2::3"]) expect(isPublicIp(bad)).toBe(false);
  });
});

describe("isIpLiteral", () => {
  it("recognises IPv4 and IPv6 literals, not names", () => {
    expect(isIpLiteral("10.0.0.1")).toBe(true);
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("example.com")).toBe(false);
    expect(isIpLiteral("1.2.3.4.example.com")).toBe(false);
  });
});
