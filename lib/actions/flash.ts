import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE } from "./flash-cookie";

/**
 * Leaves a toast for the next page, for an action that redirects (its return value never
 * reaches the form). Readable by the page's script on purpose; it holds only our own words (Next
 * percent-encodes the value; ToastHost decodes it).
 */
export async function flashToast(message: string) {
  (await cookies()).set(FLASH_COOKIE, message, { path: "/", maxAge: 30, sameSite: "lax", httpOnly: false });
}
