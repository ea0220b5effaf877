-- Campaign audiences name segments by key (lib/reco/segment-names.ts) instead of cluster numbers, which
-- every recommendation refresh hands out afresh. A number cannot be turned into a key, so a campaign
-- that targeted clusters keeps a placeholder key per cluster: it reaches nobody (visitors see the
-- control and are not counted) rather than suddenly everyone, and the campaign form shows the
-- placeholder as a segment to replace with a named one.
UPDATE "campaign"
SET "audience" = ("audience" - 'clusters') || jsonb_build_object(
  'segments',
  COALESCE(
    (SELECT jsonb_agg('legacy-cluster-' || e.value || ':mixed') FROM jsonb_array_elements_text("audience" -> 'clusters') AS e),
    '[]'::jsonb
  )
)
WHERE "audience" ? 'clusters';
