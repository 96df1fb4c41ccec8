"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteCustomerButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" className="text-red-700" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden /> Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${name}?`}
        description="The customer and their notes are removed for everyone in this workspace. This cannot be undone."
        confirmLabel="Delete customer"
        pendingLabel="Deleting…"
        onConfirm={() => runAction(action, { id })}
      />
    </>
  );
}
