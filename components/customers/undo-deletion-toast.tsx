"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { notify } from "@/components/ui/toast";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { UNDO_TOAST_MS } from "@/lib/customers/undo-window";

/** "X was deleted. Undo": shown once when the list opens after a deletion; the token leaves the address. */
export function UndoDeletionToast({ name, token, undo, listHref }: { name: string; token: string; undo: FormAction; listHref: string }) {
  const router = useRouter();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    router.replace(listHref, { scroll: false });
    notify({
      message: `${name} was deleted.`,
      duration: UNDO_TOAST_MS,
      action: {
        label: "Undo",
        onClick: () =>
          void runAction(undo, { token }).then(
            (back) => {
              if (back.status !== "success") return notify({ message: back.status === "error" ? back.message : "It could not be undone.", tone: "error" });
              router.push((back.data as { href: string }).href);
              notify({ message: `${name} is back.` });
            },
            () => notify({ message: "It could not be undone. Check your connection and try again.", tone: "error" }),
          ),
      },
    });
  }, [name, token, undo, listHref, router]);
  return null;
}
