// Accessible filters without the Inputs library (not a dependency of the site): a labelled
// HTML <select> whose element carries `value` and sends "input", so that Framework's
// `view(...)` (or `Generators.input`) turns it into a reactive value.
// Each filter keeps its value in the page's URL (url-state.ts), so that a view can be shared.

import {DEPARTEMENTS, REGIONS} from "../components/territories.js";
import {chosenFilters} from "../components/page-filters.js";
import {copyLinkButton, paramName, paramValue, readParam, writeParam} from "./url-state.js";

let counter = 0;

export interface SelectOption<V> {
  readonly value: V;
  readonly label: string;
  /** Options of the same group are shown under its name (<optgroup>). */
  readonly group?: string;
}

export interface SelectElement<V> extends HTMLDivElement {
  value: V;
}

/**
 * A labelled drop-down list: `const annee = view(select({label: "Année", options}))`.
 * Its value is kept in the URL parameter `param` (default: from the label, "Année" → `annee`):
 * read on load (a value that is not an option is ignored), written at each change.
 */
export function select<V>({
  label,
  options,
  value,
  param = paramName(label)
}: {
  label: string;
  options: readonly (SelectOption<V> | V)[];
  value?: V;
  param?: string;
}): SelectElement<V> {
  const id = `pi-filtre-${++counter}`;
  const items: SelectOption<V>[] = options.map((o) =>
    typeof o === "object" && o !== null && "label" in o ? (o as SelectOption<V>) : {value: o as V, label: String(o)}
  );
  const wrapper = document.createElement("div") as unknown as SelectElement<V>;
  wrapper.className = "pi-filtre";
  const labelEl = document.createElement("label");
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const selectEl = document.createElement("select");
  selectEl.id = id;
  selectEl.name = param;
  const fromUrl = readParam(param);
  const chosen = items.find((item) => fromUrl !== null && paramValue(item.value) === fromUrl);
  if (chosen) value = chosen.value;
  let group: HTMLOptGroupElement | null = null;
  items.forEach((item, i) => {
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = item.label;
    if (value !== undefined && item.value === value) option.selected = true;
    if (item.group && item.group !== group?.label) {
      group = document.createElement("optgroup");
      group.label = item.group;
      selectEl.append(group);
    } else if (!item.group) group = null;
    (group ?? selectEl).append(option);
  });
  wrapper.append(labelEl, selectEl);
  Object.defineProperty(wrapper, "value", {
    get: () => items[Number(selectEl.value)]?.value,
    set: (v: V) => {
      const i = items.findIndex((item) => item.value === v);
      if (i >= 0) selectEl.value = String(i);
    }
  });
  // The <select>'s own "input" event bubbles to the wrapper, which Framework listens to.
  const remember = () => {
    const item = items[Number(selectEl.value)];
    if (item) chosenFilters.set(param, {value: paramValue(item.value), label: item.label});
  };
  remember();
  selectEl.addEventListener("input", () => {
    remember();
    writeParam(param, paramValue(wrapper.value));
  });
  return wrapper;
}

/** A row of filters, with "Copier le lien" (the URL holds the filters). */
export function filters(...elements: HTMLElement[]): HTMLDivElement {
  const row = document.createElement("div");
  row.className = "pi-filtres";
  row.append(...elements, copyLinkButton());
  return row;
}

/** A territory as the datasets code it. */
export interface Territory {
  readonly niveau: "national" | "région" | "département";
  readonly territoire: string;
  readonly libelle: string;
}

export const FRANCE: Territory = {niveau: "national", territoire: "FR", libelle: "France entière"};

const collator = new Intl.Collator("fr");

/** France, then the régions, then the départements (by code), for a territory filter. */
export function territoryOptions(): SelectOption<Territory>[] {
  return [
    {value: FRANCE, label: FRANCE.libelle},
    ...[...REGIONS]
      .sort((a, b) => collator.compare(a.nom, b.nom))
      .map((r) => ({
        value: {niveau: "région", territoire: r.code, libelle: r.nom} as Territory,
        label: r.nom,
        group: "Régions"
      })),
    ...DEPARTEMENTS.map((d) => ({
      value: {niveau: "département", territoire: d.code, libelle: d.nom} as Territory,
      label: `${d.nom} (${d.code})`,
      group: "Départements"
    }))
  ];
}

/** Kinds of structure as the datasets code them, with their names. */
export const TYPES_STRUCTURE: SelectOption<string>[] = [
  {value: "ensemble", label: "Toutes les structures"},
  {value: "ACI", label: "Ateliers et chantiers d'insertion (ACI)"},
  {value: "AI", label: "Associations intermédiaires (AI)"},
  {value: "EI", label: "Entreprises d'insertion (EI)"},
  {value: "ETTI", label: "Entreprises de travail temporaire d'insertion (ETTI)"},
  {value: "EITI", label: "Entreprises d'insertion par le travail indépendant (EITI)"}
];

/** Short name of a kind of structure for chart labels. */
export function typeLabel(code: string): string {
  return code === "ensemble" ? "Ensemble" : code;
}
