import { StudioCampaignsNav } from "@/components/campaign/studio-campaigns-nav";
import { StudioModerationLink } from "@/components/community/studio-moderation-link";
import { StudioClustersLink } from "@/components/reco/studio-clusters-link";
import { StudioCommerceNav } from "@/components/studio/studio-nav";
import { STUDIO_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/server/session";

/** Every studio page is for creators, marketers and admins; the check runs on the server for each request. */
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  await requireRole(STUDIO_ROLES, "/studio");
  return (
    <div>
      <StudioCommerceNav />
      <StudioClustersLink />
      <StudioCampaignsNav />
      <StudioModerationLink />
      {children}
    </div>
  );
}
