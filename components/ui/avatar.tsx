import { avatarColorOf, displayableImage, initialsOf } from "@/lib/users/avatar-style";
import { cn } from "./cn";

const SIZES = {
  sm: { px: 24, className: "size-6 text-[10px]" },
  md: { px: 36, className: "size-9 text-sm" },
  lg: { px: 64, className: "size-16 text-xl" },
} as const;

export type AvatarSize = keyof typeof SIZES;

/**
 * A person's picture, else their initials on a colour of their own. Decorative: the name
 * is always next to it, so the picture has an empty alt and the initials are hidden.
 * No hooks, no client code: it renders the same on the server and inside client components.
 */
export function Avatar({
  name,
  email,
  image,
  id,
  size = "md",
  className,
}: {
  name: string | null | undefined;
  email: string | null | undefined;
  image?: string | null;
  /** The colour's seed when known (stays when the address changes); else the email. */
  id?: string;
  size?: AvatarSize;
  className?: string;
}) {
  const { px, className: sizeClass } = SIZES[size];
  const src = displayableImage(image);
  if (src) {
    return (
      // next/image's optimiser fetches without the viewer's session (our route needs one) and would need each provider's host listed.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={src}
        alt=""
        width={px}
        height={px}
        decoding="async"
        loading="lazy"
        referrerPolicy="no-referrer"
        className={cn("shrink-0 rounded-full bg-zinc-100 object-cover", sizeClass, className)}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={cn(
        "flex shrink-0 items-center justify-center rounded-full font-medium text-white select-none",
        sizeClass,
        avatarColorOf(id || email || name || "?"),
        className,
      )}
    >
      {initialsOf(name, email)}
    </span>
  );
}
