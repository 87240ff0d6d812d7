// Small DOM helpers: the components build plain elements, no framework needed.
export const SVG_NS = "http://www.w3.org/2000/svg";

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  children: Child[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {}
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) node.setAttribute(name, String(value));
  return node;
}

/** "Répartition des salariés (2025)" → "repartition-des-salaries-2025" */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "figure"
  );
}

const used = new Map<string, number>();

/** An id for a figure: the given one, or one derived from the title, unique in this page. */
export function figureId(title: string, id?: string): string {
  if (id) return id;
  const base = `pi-${slug(title)}`;
  const n = (used.get(base) ?? 0) + 1;
  used.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

/** Rounds coordinates so the SVG stays small and snapshots stay stable. */
export const round = (x: number): number => Math.round(x * 10) / 10;
