import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { EmailMessage } from "./message";

const transports = new Map<string, Transporter>();

export async function sendViaSmtp(server: string, from: string, message: EmailMessage): Promise<void> {
  let transport = transports.get(server);
  if (!transport) {
    transport = nodemailer.createTransport(server);
    transports.set(server, transport);
  }
  await transport.sendMail({ from, ...message });
}
