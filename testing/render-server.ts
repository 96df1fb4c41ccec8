import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/** Runs the async server components of a tree, which react-dom's static renderer cannot. */
export async function resolveServerComponents(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveServerComponents));
  if (!isValidElement(node)) return node;
  const { type, props } = node as ReactElement<{ children?: ReactNode }>;
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    return resolveServerComponents(await (type as (p: unknown) => Promise<ReactNode>)(props));
  }
  if (props.children === undefined) return node;
  const children = Array.isArray(props.children) ? ((await resolveServerComponents(props.children)) as ReactNode[]) : [await resolveServerComponents(props.children)];
  return cloneElement(node, undefined, ...children);
}
