import type { ActionState } from "@/lib/actions/action-state";

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Calls a form's server action from code, with plain fields. */
export function runAction(action: FormAction, fields: Record<string, string>): Promise<ActionState> {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  return action({ status: "idle" }, formData);
}
