/**
 * Lucide icons for server components, drawn as plain SVG on the server.
 *
 * lucide-react 1.x draws every icon through one client component (its `Icon` is marked
 * "use client" for a context provider), so importing any icon into a server component
 * ships that component (~1 kB gzipped) to every page using it, and sends each icon's data
 * to the browser to draw there. These draw the same SVG on the server with no client code.
 * The drawings are lucide's (ISC licence, https://lucide.dev), copied from lucide-react;
 * icons.test.ts checks they still match it. Client components import from lucide-react.
 * To add one: copy its `__iconData` from node_modules/lucide-react/dist/esm/icons/NAME.mjs
 * (the canonical name: lucide-react.mjs maps aliases to it), keys left out.
 */
import type { SVGProps } from "react";

type IconNode = [tag: "path" | "circle" | "rect" | "line" | "polyline", attributes: Record<string, string>][];

function serverIcon(name: string, node: IconNode, aliases: string[] = []) {
  const classes = ["lucide", `lucide-${name}`, ...aliases.map((alias) => `lucide-${alias}`)].join(" ");
  // The same SVG as lucide-react's Icon draws with its defaults.
  function Icon({ className, ...props }: SVGProps<SVGSVGElement>) {
    const labelled = Object.keys(props).some((prop) => prop.startsWith("aria-") || prop === "role" || prop === "title");
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={24}
        height={24}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={className ? `${classes} ${className}` : classes}
        aria-hidden={labelled ? undefined : true}
        {...props}
      >
        {node.map(([Tag, attributes], index) => (
          <Tag key={index} {...attributes} />
        ))}
      </svg>
    );
  }
  Icon.displayName = name;
  /** What it draws, for icons.test.ts. */
  Icon.iconData = { name, node, aliases };
  return Icon;
}

// One export per icon, each a pure call, so that a bundle takes only the icons it uses.
export const ArrowLeft = /*#__PURE__*/ serverIcon(
  "arrow-left",
  [
    ["path", { d: "m12 19-7-7 7-7" }],
    ["path", { d: "M19 12H5" }],
  ],
);

export const Building2 = /*#__PURE__*/ serverIcon(
  "building-complex",
  [
    ["path", { d: "M10 12h4" }],
    ["path", { d: "M10 8h4" }],
    ["path", { d: "M14 21v-3a2 2 0 0 0-4 0v3" }],
    ["path", { d: "M6 10H4a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-2" }],
    ["path", { d: "M6 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16" }],
  ],
  ["building-2"],
);

export const CalendarDays = /*#__PURE__*/ serverIcon(
  "calendar-days",
  [
    ["path", { d: "M8 2v3" }],
    ["path", { d: "M16 2v3" }],
    ["rect", { x: "3", y: "3", width: "18", height: "18", rx: "2" }],
    ["path", { d: "M3 9h18" }],
    ["path", { d: "M8 13h.01" }],
    ["path", { d: "M12 13h.01" }],
    ["path", { d: "M16 13h.01" }],
    ["path", { d: "M8 17h.01" }],
    ["path", { d: "M12 17h.01" }],
    ["path", { d: "M16 17h.01" }],
  ],
);

export const ChevronDown = /*#__PURE__*/ serverIcon(
  "chevron-down",
  [
    ["path", { d: "m6 9 6 6 6-6" }],
  ],
);

export const ChevronsUpDown = /*#__PURE__*/ serverIcon(
  "chevrons-up-down",
  [
    ["path", { d: "m7 15 5 5 5-5" }],
    ["path", { d: "m7 9 5-5 5 5" }],
  ],
);

export const CircleAlert = /*#__PURE__*/ serverIcon(
  "circle-exclamation-point",
  [
    ["circle", { cx: "12", cy: "12", r: "10" }],
    ["line", { "x1": "12", "x2": "12", "y1": "8", "y2": "12" }],
    ["line", { "x1": "12", "x2": "12.01", "y1": "16", "y2": "16" }],
  ],
  ["alert-circle", "circle-alert"],
);

export const Circle = /*#__PURE__*/ serverIcon("circle", [["circle", { cx: "12", cy: "12", r: "10" }]], []);

export const CircleCheck = /*#__PURE__*/ serverIcon(
  "circle-check",
  [
    ["circle", { cx: "12", cy: "12", r: "10" }],
    ["path", { d: "m16 9-5.5 5.5L8 12" }],
  ],
  ["check-circle-2"],
);

export const CreditCard = /*#__PURE__*/ serverIcon(
  "credit-card",
  [
    ["rect", { width: "20", height: "14", x: "2", y: "5", rx: "2" }],
    ["line", { "x1": "2", "x2": "22", "y1": "10", "y2": "10" }],
    ["path", { d: "M6 14h2" }],
  ],
);

export const FolderOpen = /*#__PURE__*/ serverIcon("folder-open", [
  [
    "path",
    {
      d: "m6 14 1.5-2.9A2 2 0 0 1 9.24 10H20a2 2 0 0 1 1.94 2.5l-1.54 6a2 2 0 0 1-1.95 1.5H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h3.9a2 2 0 0 1 1.69.9l.81 1.2a2 2 0 0 0 1.67.9H18a2 2 0 0 1 2 2v2",
    },
  ],
]);

export const KeyRound = /*#__PURE__*/ serverIcon(
  "key-round",
  [
    ["path", { d: "M2.586 17.414A2 2 0 0 0 2 18.828V21a1 1 0 0 0 1 1h3a1 1 0 0 0 1-1v-1a1 1 0 0 1 1-1h1a1 1 0 0 0 1-1v-1a1 1 0 0 1 1-1h.172a2 2 0 0 0 1.414-.586l.814-.814a6.5 6.5 0 1 0-4-4z" }],
    ["circle", { cx: "16.5", cy: "7.5", r: ".5", fill: "currentColor" }],
  ],
);

export const Lock = /*#__PURE__*/ serverIcon(
  "lock",
  [
    ["rect", { width: "18", height: "11", x: "3", y: "11", rx: "2", ry: "2" }],
    ["path", { d: "M7 11V7a5 5 0 0 1 10 0v4" }],
  ],
);

export const MailCheck = /*#__PURE__*/ serverIcon(
  "mail-check",
  [
    ["path", { d: "M22 13V6a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2v12c0 1.1.9 2 2 2h8" }],
    ["path", { d: "m22 7-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7" }],
    ["path", { d: "m16 19 2 2 4-4" }],
  ],
);

export const MailX = /*#__PURE__*/ serverIcon(
  "mail-x",
  [
    ["path", { d: "M22 12.532V6a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h8.792" }],
    ["path", { d: "m22 7-8.991 5.727a2 2 0 0 1-2.009 0L2 7" }],
    ["path", { d: "m16.5 16.5 5 5" }],
    ["path", { d: "m21.5 16.5-5 5" }],
  ],
);

export const Pencil = /*#__PURE__*/ serverIcon(
  "pencil",
  [
    ["path", { d: "M21.174 6.812a1 1 0 0 0-3.986-3.987L3.842 16.174a2 2 0 0 0-.5.83l-1.321 4.352a.5.5 0 0 0 .623.622l4.353-1.32a2 2 0 0 0 .83-.497z" }],
    ["path", { d: "m15 5 4 4" }],
  ],
);

export const Plus = /*#__PURE__*/ serverIcon(
  "plus",
  [
    ["path", { d: "M5 12h14" }],
    ["path", { d: "M12 5v14" }],
  ],
);

export const Search = /*#__PURE__*/ serverIcon(
  "search",
  [
    ["path", { d: "m21 21-4.34-4.34" }],
    ["circle", { cx: "11", cy: "11", r: "8" }],
  ],
);

export const Settings = /*#__PURE__*/ serverIcon(
  "settings",
  [
    ["path", { d: "M9.671 4.136a2.34 2.34 0 0 1 4.659 0 2.34 2.34 0 0 0 3.319 1.915 2.34 2.34 0 0 1 2.33 4.033 2.34 2.34 0 0 0 0 3.831 2.34 2.34 0 0 1-2.33 4.033 2.34 2.34 0 0 0-3.319 1.915 2.34 2.34 0 0 1-4.659 0 2.34 2.34 0 0 0-3.32-1.915 2.34 2.34 0 0 1-2.33-4.033 2.34 2.34 0 0 0 0-3.831A2.34 2.34 0 0 1 6.35 6.051a2.34 2.34 0 0 0 3.319-1.915" }],
    ["circle", { cx: "12", cy: "12", r: "3" }],
  ],
);

export const ShieldCheck = /*#__PURE__*/ serverIcon(
  "shield-check",
  [
    ["path", { d: "M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z" }],
    ["path", { d: "m9 12 2 2 4-4" }],
  ],
);

export const AlertTriangle = /*#__PURE__*/ serverIcon(
  "triangle-exclamation-point",
  [
    ["path", { d: "m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" }],
    ["path", { d: "M12 9v4" }],
    ["path", { d: "M12 17h.01" }],
  ],
  ["alert-triangle", "triangle-alert"],
);

export const UserRoundPlus = /*#__PURE__*/ serverIcon(
  "user-round-plus",
  [
    ["path", { d: "M2 21a8 8 0 0 1 13.292-6" }],
    ["circle", { cx: "10", cy: "8", r: "5" }],
    ["path", { d: "M19 16v6" }],
    ["path", { d: "M22 19h-6" }],
  ],
  ["user-plus-2"],
);

export const Users = /*#__PURE__*/ serverIcon(
  "users",
  [
    ["path", { d: "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" }],
    ["path", { d: "M16 3.128a4 4 0 0 1 0 7.744" }],
    ["path", { d: "M22 21v-2a4 4 0 0 0-3-3.87" }],
    ["circle", { cx: "9", cy: "7", r: "4" }],
  ],
);

export const UsersRound = /*#__PURE__*/ serverIcon(
  "users-round",
  [
    ["path", { d: "M18 21a8 8 0 0 0-16 0" }],
    ["circle", { cx: "10", cy: "8", r: "5" }],
    ["path", { d: "M22 20c0-3.37-2-6.5-4-8a5 5 0 0 0-.45-8.3" }],
  ],
  ["users-2"],
);
