import { activityResource } from "@/lib/resources/activity";
import { invitationResource } from "@/lib/resources/invitation";
import { memberResource } from "@/lib/resources/member";
import { webhookEndpointResource, webhookEndpointWithSecretResource } from "@/lib/resources/webhook-endpoint";
import { workspaceResource } from "@/lib/resources/workspace";
import { jsonSchema } from "./openapi-parts";

export function resourceSchemas() {
  const workspace = jsonSchema(workspaceResource, "output") as { properties: object; required: string[] };
  return {
    Workspace: { ...workspace, properties: { ...workspace.properties, member_count: { type: "integer", minimum: 0 } }, required: [...workspace.required, "member_count"] },
    Member: jsonSchema(memberResource, "output"),
    Invitation: jsonSchema(invitationResource, "output"),
    ActivityEntry: jsonSchema(activityResource, "output"),
    WebhookEndpoint: jsonSchema(webhookEndpointResource, "output"),
    WebhookEndpointWithSecret: jsonSchema(webhookEndpointWithSecretResource, "output"),
  };
}
