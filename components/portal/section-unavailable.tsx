import { EmptyState } from "@/components/ui/empty-state";

/** Shown when a section's URL is opened but the grant's scope does not include it. */
export function SectionUnavailable({ section }: { section: string }) {
  return (
    <EmptyState
      title={`${section} are not part of your access`}
      description="Your partner manager decides which sections of this account you can see. Ask them if you need this one."
    />
  );
}
