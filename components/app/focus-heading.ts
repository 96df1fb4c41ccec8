// After a switch of workspace, the new page's main heading takes focus, so keyboard and
// screen-reader users start at the top of what changed rather than on the page's body.
const KEY = "focus-heading";

export function focusHeadingAfterNavigation() {
  try {
    sessionStorage.setItem(KEY, "1");
  } catch {
    // storage off: focus simply stays where the browser puts it
  }
}

/** Called once the new page is on screen; focuses its h1 if a switch asked for it. */
export function focusHeadingIfAsked() {
  try {
    if (!sessionStorage.getItem(KEY)) return;
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  let frames = 0;
  const attempt = () => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) {
      if (++frames < 60) requestAnimationFrame(attempt); // the page may still be streaming in
      return;
    }
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  };
  attempt();
}
