"use client";

import type { AccountMenuProps } from "./account-menu";
import { onDemand, useOnDemand } from "@/components/ui/on-demand";

const menu = onDemand(() => import("./account-menu").then((m) => m.AccountMenu));

/** The account menu's button, until the menu it opens is first wanted. */
export function UserMenuTrigger(props: Omit<AccountMenuProps, "openedWith">) {
  const { Loaded, activated, triggerProps } = useOnDemand(menu, { menu: true });
  if (Loaded && activated) return <Loaded {...props} openedWith={activated} />;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label="Account menu"
      data-state="closed"
      className={props.className}
      {...triggerProps}
    >
      {props.avatar}
    </button>
  );
}
