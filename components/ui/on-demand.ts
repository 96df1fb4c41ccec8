import { useReducer, useState, type ComponentType, type KeyboardEvent, type MouseEvent } from "react";

/** A component whose code is fetched the first time it is wanted, not with the page. */
export type OnDemand<P> = {
  /** The component, once its code has arrived. */
  loaded?: ComponentType<P>;
  load: () => Promise<ComponentType<P>>;
  /** Starts the download early, e.g. on hover or focus. */
  preload: () => void;
};

export function onDemand<P>(importComponent: () => Promise<ComponentType<P>>): OnDemand<P> {
  let promise: Promise<ComponentType<P>> | undefined;
  const self: OnDemand<P> = {
    load: () =>
      (promise ??= importComponent().then(
        (component) => (self.loaded = component),
        (error: unknown) => {
          promise = undefined; // let the next attempt try again
          throw error;
        },
      )),
    preload: () => void self.load().catch(() => {}),
  };
  return self;
}

export type Activation = "pointer" | "keyboard";

/**
 * For a lightweight trigger that stands in for a heavy interactive component: preloads its
 * code when the trigger is pointed at or focused; on click (or Enter/Space) gives the
 * component (`Loaded`) to render in the trigger's place as soon as its code is here, and
 * says how it was activated (keyboard users get focus moved into what opens). Escape before
 * the code arrives calls it off; if the code cannot be fetched, the trigger stays. For a
 * menu (`{ menu: true }`) the down arrow opens it too, as on a menu's own trigger.
 */
export function useOnDemand<P>(component: OnDemand<P>, { menu = false } = {}) {
  const [activated, setActivated] = useState<Activation | false>(false);
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const activate = (how: Activation) => {
    setActivated(how);
    if (!component.loaded) component.load().then(arrived, () => setActivated(false));
  };
  return {
    Loaded: activated ? component.loaded : undefined,
    activated,
    activate,
    triggerProps: {
      onPointerEnter: component.preload,
      onFocus: component.preload,
      // A click from Enter or Space has no pointer position: detail is 0.
      onClick: (event: MouseEvent) => activate(event.detail === 0 ? "keyboard" : "pointer"),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === "Escape") setActivated(false);
        if (menu && event.key === "ArrowDown") {
          event.preventDefault();
          activate("keyboard");
        }
      },
    },
  };
}
