// A chart whose every value is masked (or absent) draws nothing a reader can use: a frame of
// hatching. It is not drawn; the section says so in a sentence and points to the level
// above (the région of a département, France for a région), where the figures are published.
import {el} from "./dom.js";
import {DEFAULT_MASK_REASON} from "./format.js";
import type {FigureOptions} from "./options.js";
import {chosenFilters} from "./page-filters.js";
import {departement, region} from "./territories.js";

/** Whether a figure has rows and none of them holds a published value. */
export function allMasked(rows: readonly unknown[]): boolean {
  return (
    rows.length > 0 &&
    rows.every((r) => {
      const value = (r as {value?: unknown}).value;
      return typeof r === "object" && r !== null && "value" in r && (value == null || Number.isNaN(value));
    })
  );
}

/**
 * On a page filtered on a territory (`?territoire=departement-59&type=ACI`): the same page
 * filtered on the level above (the région of a département, France for a région), its other
 * filters kept, as a link relative to the page (`?territoire=region-32&type=ACI`). Undefined
 * without a territory filter, on France, or outside a browser.
 */
export function filteredLevelAbove(): {name: string; href: string} | undefined {
  const chosen = chosenFilters.get("territoire")?.value;
  const match = chosen ? /^(region|departement)-(\w+)$/.exec(chosen) : null;
  if (!match || typeof location === "undefined") return undefined;
  const regionCode = match[1] === "departement" ? departement(match[2]!)?.region : undefined;
  const regionName = regionCode ? region(regionCode)?.nom : undefined;
  const params = new URLSearchParams(location.search);
  // Every other parameter kept: a figure shown alone (`?integrer=…`) points to itself, one level up.
  params.set("territoire", regionName ? `region-${regionCode}` : "france");
  return {name: regionName ? `la région ${regionName}` : "la France entière", href: `?${params}`};
}

/**
 * The sentence shown instead of an empty chart: "Toutes les valeurs… Les chiffres sont publiés
 * au niveau supérieur : <lien>." The level above is `o.above`, else the page's territory
 * filter one level up (`filteredLevelAbove`), else a sentence without a link.
 */
export function allMaskedNotice(o: FigureOptions, id: string): HTMLElement {
  const above = o.above ?? filteredLevelAbove();
  const pointer = above
    ? above.href
      ? [" Les chiffres sont publiés au niveau supérieur : ", el("a", {href: above.href}, [above.name]), "."]
      : [` Les chiffres sont publiés au niveau supérieur : ${above.name}.`]
    : [" Les chiffres sont publiés au niveau supérieur (la région, ou la France entière)."];
  return el("p", {class: "pi-tout-masque", id: `${id}-constat`}, [
    `Toutes les valeurs de ce graphique sont masquées : ${DEFAULT_MASK_REASON} ; il n'est pas dessiné.`,
    ...pointer
  ]);
}
