import { APP_NAME } from "@/lib/config/app";
import { emailViewer, formatExact } from "@/lib/format/dates";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

type TrialEmailInput = { tenantName: string; planName: string; endsAt: Date; billingUrl: string; timeZone?: string | null };

/** Sent 3 days and 1 day before a trial ends. */
export function trialEndingEmail(input: TrialEmailInput & { daysLeft: number }) {
  const { tenantName, planName, billingUrl, daysLeft } = input;
  const ends = formatExact(input.endsAt, emailViewer(input.timeZone));
  const left = daysLeft === 1 ? "1 day" : `${daysLeft} days`;
  const subject = `${left} left in the ${planName} trial of ${tenantName}`;
  const after = `Subscribe before ${ends} to keep the ${planName} plan. Otherwise ${tenantName} moves to the Free plan: nothing is deleted, but you cannot add more than Free allows.`;
  const text = [`The ${planName} trial of ${tenantName} on ${APP_NAME} ends in ${left}.`, "", after, billingUrl].join("\n");
  const html = emailHtml({
    heading: `${left} left in your ${planName} trial`,
    intro: `The ${escapeHtml(planName)} trial of <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)} ends in ${left}.`,
    button: { href: billingUrl, label: "Choose a plan" },
    footnote: escapeHtml(after),
  });
  return { subject, text, html };
}

/** Sent when a trial ended without a subscription. */
export function trialEndedEmail(input: TrialEmailInput) {
  const { tenantName, planName, billingUrl } = input;
  const subject = `The ${planName} trial of ${tenantName} has ended`;
  const body = `${tenantName} is now on the Free plan. Nothing was deleted; adding more than the Free plan allows needs a paid plan.`;
  const text = [`The ${planName} trial of ${tenantName} on ${APP_NAME} has ended.`, "", body, billingUrl].join("\n");
  const html = emailHtml({
    heading: `Your ${planName} trial has ended`,
    intro: `The ${escapeHtml(planName)} trial of <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)} has ended.`,
    button: { href: billingUrl, label: "Subscribe" },
    footnote: escapeHtml(body),
  });
  return { subject, text, html };
}
