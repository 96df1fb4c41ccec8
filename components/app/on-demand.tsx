import { lazy, useState, useTransition, type ComponentType, type KeyboardEvent, type MouseEvent } from "react";

/**
 * A component whose code is fetched the first time it is wanted, not with the page:
 * `preload` starts the download (on hover or focus), `Component` renders it, at once
 * if the code is already here, else when it arrives.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let promise: Promise<ComponentType<P>> | undefined;
  const get = () =>
    (promise ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        promise = undefined; // let the next attempt try again
        throw error;
      },
    ));
  const Lazy = lazy(() => get().then((component) => ({ default: component })));
  function Component(props: P) {
    const Loaded = loaded ?? Lazy;
    return <Loaded {...props} />;
  }
  return {
    preload: () => void get().catch(() => {}),
    isLoaded: () => loaded !== undefined,
    Component,
  };
}

type Activation = false | "pointer" | "keyboard";

/**
 * For a lightweight trigger that stands in for a heavy interactive component: it preloads
 * the code when pointed at or focused, and on click (or Enter/Space) switches to the real
 * thing: at once if its code is here, else in a transition, so that the trigger stays on
 * screen until the code arrives (Escape meanwhile calls it off). `activated` says how it
 * was activated: keyboard users get focus moved into what opens.
 */
export function useOnDemand(component: { preload: () => void; isLoaded: () => boolean }) {
  const [activated, setActivated] = useState<Activation>(false);
  const [, startTransition] = useTransition();
  const activate = (how: "pointer" | "keyboard") => {
    if (component.isLoaded()) return setActivated(how);
    component.preload();
    startTransition(() => setActivated(how));
  };
  return {
    activated,
    activate,
    triggerProps: {
      onPointerEnter: component.preload,
      onFocus: component.preload,
      // A click from Enter or Space has no pointer position: detail is 0.
      onClick: (event: MouseEvent) => activate(event.detail === 0 ? "keyboard" : "pointer"),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === "Escape") setActivated(false);
      },
    },
  };
}
