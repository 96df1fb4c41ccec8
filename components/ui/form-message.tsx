import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";
import type { ErrorLink } from "@/lib/errors";
import { cn } from "./cn";

export function FormMessage({
  tone,
  children,
  className,
  link,
}: {
  tone: "error" | "success";
  children: React.ReactNode;
  className?: string;
  link?: ErrorLink;
}) {
  const Icon = tone === "error" ? CircleAlert : CircleCheck;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-2 rounded-md px-3 py-2 text-sm",
        tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800",
        className,
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        {children}
        {link && (
          <>
            {" "}
            <Link href={link.href} className="font-medium underline underline-offset-2">
              {link.label}
            </Link>
          </>
        )}
      </span>
    </p>
  );
}
