import { describe, expect, it } from "vitest";
import { formatIp } from "./ip";

describe("formatIp", () => {
  it("shows an IPv4-mapped IPv6 address as the IPv4 address, in any spelling", () => {
    expect(formatIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(formatIp("::FFFF:203.0.113.7")).toBe("203.0.113.7");
    expect(formatIp("0:0:0:0:0:ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(formatIp("::ffff:7f00:1")).toBe("127.0.0.1");
  });

  it("leaves IPv4 as it is", () => {
    expect(formatIp("203.0.113.7")).toBe("203.0.113.7");
    expect(formatIp(" 10.0.0.1 ")).toBe("10.0.0.1");
  });

  it("writes IPv6 in its short form: lower case, no leading zeros, the longest zero run as ::", () => {
    expect(formatIp("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(formatIp("0000:0000:0000:0000:0000:0000:0000:0001")).toBe("::1");
    expect(formatIp("0:0:0:0:0:0:0:0")).toBe("::");
    expect(formatIp("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(formatIp("2001:db8:0:0:0:1:0:0")).toBe("2001:db8::1:0:0");
    expect(formatIp("2001:0:0:1:0:0:0:1")).toBe("2001:0:0:1::1");
    expect(formatIp("fe80:0:0:0:0:0:0:1")).toBe("fe80::1");
    expect(formatIp("1:2:3:4:5:6:7::")).toBe("1:2:3:4:5:6:7:0");
    expect(formatIp("::1:2:3:4:5:6:7")).toBe("0:1:2:3:4:5:6:7");
  });

  it("never shortens a single zero group to ::", () => {
    expect(formatIp("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1");
  });

  it("keeps a zone and an IPv4-compatible tail", () => {
    expect(formatIp("FE80::0001%eth0")).toBe("fe80::1%eth0");
    expect(formatIp("::1.2.3.4")).toBe("::102:304");
    expect(formatIp("64:ff9b::192.0.2.33")).toBe("64:ff9b::c000:221");
  });

  it("returns what is not an address as it is", () => {
    for (const junk of ["", "unknown", "1.2.3", "256.1.1.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", ":1:2:3:4:5:6:7", "::ffff:1.2.3.256", "fe80::1%", "fe80::1%a%b", "1:2:3:4:5:6:7:8::"]) {
      expect(formatIp(junk), junk).toBe(junk);
    }
  });
});
