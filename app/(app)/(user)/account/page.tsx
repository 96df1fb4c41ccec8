import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { NameForm } from "@/components/forms/name-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage() {
  const user = await requireUser("/account");

  return (
    <main className="mx-auto grid max-w-3xl gap-6 px-4 py-8 sm:px-6">
      <PageHeader title="Account settings" description="How you appear to the people you work with." />
      <Card>
        <CardHeader>
          <CardTitle>Display name</CardTitle>
          <CardDescription>Shown to members of your workspaces and in invitations you send.</CardDescription>
        </CardHeader>
        <NameForm action={updateProfileAction} label="Name" initialName={user.name ?? ""} maxLength={80} autoComplete="name" />
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email</CardTitle>
          <CardDescription>The address you sign in with.</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="font-medium break-all">{user.email}</p>
        </CardContent>
      </Card>
    </main>
  );
}
