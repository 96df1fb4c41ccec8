import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrialBanner } from "./trial-banner";

const DAY = 86_400_000;
const render = (trialEndsAt: Date | null, billingHref: string | null) =>
  renderToStaticMarkup(createElement(TrialBanner, { tenant: { planId: "business", trialEndsAt }, billingHref }));

describe("the trial banner", () => {
  it("counts the days left, with a link to billing for those who manage it", () => {
    const inTwelve = new Date(Date.now() + 11.5 * DAY);
    expect(render(inTwelve, "/t/acme/billing")).toMatch(/role="status".*<strong[^>]*>Business trial:<\/strong> 12 days left\. <a[^>]*href="\/t\/acme\/billing"[^>]*>Choose a plan<\/a>/);
    expect(render(inTwelve, null)).not.toContain("<a");
    expect(render(new Date(Date.now() + 3_600_000), null)).toContain("1 day left.");
  });

  it("is not there without a trial, nor once it has ended", () => {
    expect(render(null, "/t/acme/billing")).toBe("");
    expect(render(new Date(Date.now() - 1000), "/t/acme/billing")).toBe("");
  });
});
