"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";
import { AVATAR_ACCEPT, AVATAR_MAX_BYTES, AVATAR_TOO_BIG, AVATAR_TYPES, AVATAR_WRONG_TYPE } from "@/lib/users/avatar-format";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const messageOf = (state: ActionState) => (state.status === "error" ? (state.fieldErrors?.avatar?.[0] ?? state.message) : null);

/**
 * Choose and upload a picture, or remove the uploaded one. Size and type are checked
 * here first, so a large file is refused with a message before it is sent; the server
 * checks both again, by the file's bytes.
 */
export function AvatarForm({ upload, remove, canRemove, children }: { upload: Action; remove: Action; canRemove: boolean; children: ReactNode }) {
  const id = useId();
  const [uploaded, uploadAction, uploading] = useActionState(upload, idle);
  const [removed, removeAction, removing] = useActionState(remove, idle);
  const [chosen, setChosen] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // Only the last form sent speaks: an old error must not stand beside a new success.
  const [last, setLast] = useState<"upload" | "remove">("upload");
  const current = last === "remove" ? removed : uploaded;
  const error = localError ?? messageOf(current);
  const busy = uploading || removing;

  return (
    <div className="flex flex-wrap items-start gap-5">
      {children}
      <div className="grid min-w-0 flex-1 gap-3">
        <form action={uploadAction} onSubmit={() => setLast("upload")} onReset={() => setChosen(false)} className="grid gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor={id}>Picture</Label>
            <input
              id={id}
              type="file"
              name="avatar"
              accept={AVATAR_ACCEPT}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-900 hover:file:bg-zinc-50"
              onChange={(event) => {
                const file = event.target.files?.[0];
                const problem = !file ? null : file.size > AVATAR_MAX_BYTES ? AVATAR_TOO_BIG : file.type && !(AVATAR_TYPES as readonly string[]).includes(file.type) ? AVATAR_WRONG_TYPE : null;
                if (problem) event.target.value = "";
                setLocalError(problem);
                setChosen(!!file && !problem);
              }}
            />
            <p id={`${id}-hint`} className="text-xs text-zinc-500">
              PNG, JPEG or WebP, at most {AVATAR_MAX_BYTES / 1024} KB. Square pictures look best.
            </p>
          </div>
          {error && <FormMessage tone="error">{error}</FormMessage>}
          {!error && !busy && current.status === "success" && <FormMessage tone="success">{last === "remove" ? "Picture removed." : "Picture saved."}</FormMessage>}
          <div className="flex flex-wrap gap-2">
            <SubmitButton size="sm" pending={uploading} pendingLabel="Uploading…" disabled={!chosen || removing}>
              Upload picture
            </SubmitButton>
          </div>
        </form>
        {canRemove && (
          <form
            action={removeAction}
            onSubmit={() => {
              setLast("remove");
              setLocalError(null);
            }}
          >
            <SubmitButton size="sm" variant="outline" pending={removing} pendingLabel="Removing…" disabled={uploading}>
              Remove picture
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}
