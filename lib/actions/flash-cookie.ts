/** The cookie a server action sets to show a toast on the page it redirects to. */
export const FLASH_COOKIE = "flash";
