import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Avatar } from "@/components/ui/avatar";
import { AVATAR_COLORS, avatarColorOf } from "@/lib/users/avatar-style";

const render = (props: Parameters<typeof Avatar>[0]) => renderToStaticMarkup(createElement(Avatar, props));

describe("Avatar", () => {
  it("shows the picture, decorative and with a fixed size", () => {
    const html = render({ name: "Ada Lovelace", email: "ada@example.test", image: "/api/avatars/u1?v=5", size: "lg" });
    expect(html).toMatch(/^<img /);
    expect(html).toContain('src="/api/avatars/u1?v=5"');
    expect(html).toContain('alt=""');
    expect(html).toContain('width="64"');
    expect(html).toContain('height="64"');
    expect(html).toContain('referrerPolicy="no-referrer"');
    expect(html).not.toContain("AL");
  });

  it("shows initials, hidden from screen readers, on the colour of the user's id (else email) when there is no usable picture", () => {
    for (const image of [null, undefined, "javascript:alert(1)", "http://insecure.test/a.png"]) {
      const html = render({ id: "user-42", name: "Ada Lovelace", email: "ada@example.test", image });
      expect(html).not.toContain("<img");
      expect(html).toContain('aria-hidden="true"');
      expect(html).toContain(">AL</span>");
      expect(html).toContain(avatarColorOf("user-42"));
      expect(html).toContain("text-white");
      expect(html).toContain("size-9"); // the default size
    }
    const byEmail = render({ name: null, email: "bob@example.test" });
    expect(byEmail).toContain(avatarColorOf("bob@example.test"));
    expect(AVATAR_COLORS.filter((c) => byEmail.includes(c))).toHaveLength(1);
  });

  it("escapes what it is given", () => {
    const html = render({ name: "<script>x</script>", email: null, image: 'https://x.test/a.png"onerror="alert(1)' });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('"onerror=');
  });
});
