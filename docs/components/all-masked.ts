// A chart whose every value is masked (or absent) draws nothing a reader can use: a frame of
// hatching. It is not drawn; the section says so in a sentence and points to the level
// above (the région of a département, France for a région), where the figures are published.
import {el} from "./dom.js";
import type {FigureOptions} from "./options.js";

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

/** The sentence shown instead of an empty chart: "Toutes les valeurs… Voir : <niveau supérieur>." */
export function allMaskedNotice(o: FigureOptions, id: string): HTMLElement {
  const above = o.above;
  const pointer = above
    ? above.href
      ? [" Les chiffres sont publiés au niveau supérieur : ", el("a", {href: above.href}, [above.name]), "."]
      : [` Les chiffres sont publiés au niveau supérieur : ${above.name}.`]
    : [" Les chiffres sont publiés au niveau supérieur (la région, ou la France entière)."];
  return el("p", {class: "pi-tout-masque", id: `${id}-constat`}, [
    `Toutes les valeurs de ce graphique sont masquées (secret statistique : moins de 11 personnes) ; il n'est pas dessiné.`,
    ...pointer
  ]);
}
