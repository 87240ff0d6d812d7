// Finding one's territory: a search field that suggests régions and départements as one
// types (the ARIA 1.2 combobox pattern: an input that owns a listbox). Arrows move through
// the suggestions, Enter opens the fiche, Escape closes the list; a live status says how
// many territories match. Works with a name or a code, with or without accents.
import {DEPARTEMENTS, REGIONS} from "../components/territories.js";

export interface TerritoryChoice {
  readonly label: string;
  readonly href: string;
  /** Lower-case text without accents that a query is matched against. */
  readonly key: string;
}

const plain = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-'’]/g, " ");

/** Every région and département, with the link to its fiche (relative to the site root `base`). */
export function territoryChoices(base = "./"): TerritoryChoice[] {
  return [
    ...REGIONS.map((r) => ({
      label: `${r.nom} (région)`,
      href: `${base}regions/${r.code}.html`,
      key: plain(`${r.nom} ${r.code}`)
    })),
    ...DEPARTEMENTS.map((d) => ({
      label: `${d.nom} (${d.code})`,
      href: `${base}departements/${d.code}.html`,
      key: plain(`${d.nom} ${d.code}`)
    }))
  ];
}

/**
 * The choices a query matches: every word of the query starts a word of the name (or the
 * code), names that begin with the query first. "nord" → Nord (59); "haute" → Haute-Corse,
 * Haute-Garonne…; "59" → Nord; at most `limit` choices.
 */
export function matchTerritories(choices: readonly TerritoryChoice[], query: string, limit = 12): TerritoryChoice[] {
  const words = plain(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits = choices.filter((c) => {
    const parts = c.key.split(/\s+/);
    return words.every((w) => parts.some((p) => p.startsWith(w)));
  });
  const first = words.join(" ");
  return hits.sort((a, b) => Number(!b.key.startsWith(first)) - Number(!a.key.startsWith(first))).slice(0, limit);
}

let counter = 0;

/** The search field, ready to display. `go` opens a link (default: the browser's location). */
export function territorySearch(
  choices: readonly TerritoryChoice[],
  go: (href: string) => void = (href) => location.assign(href)
): HTMLElement {
  const id = `pi-recherche-${++counter}`;
  const root = document.createElement("div");
  root.className = "pi-recherche";
  root.innerHTML = `<label for="${id}">Rechercher une région ou un département</label>
<input id="${id}" type="text" role="combobox" autocomplete="off" spellcheck="false"
  aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-liste" aria-describedby="${id}-aide"
  placeholder="Nom ou numéro : Nord, 59, Bretagne…">
<p id="${id}-aide" class="pi-recherche-statut">Flèches pour choisir, Entrée pour ouvrir la fiche.</p>
<ul id="${id}-liste" role="listbox" aria-label="Territoires trouvés" hidden></ul>
<p class="pi-recherche-statut" role="status" aria-live="polite"></p>`;
  const input = root.querySelector("input")!;
  const list = root.querySelector("ul")!;
  const status = root.querySelector("[role=status]")!;
  let shown: TerritoryChoice[] = [];
  let active = -1;

  const render = () => {
    list.replaceChildren(
      ...shown.map((c, i) => {
        const li = document.createElement("li");
        li.id = `${id}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === active));
        li.textContent = c.label;
        li.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the field
        li.addEventListener("click", () => go(c.href));
        return li;
      })
    );
    const open = shown.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const update = () => {
    shown = matchTerritories(choices, input.value);
    active = shown.length ? 0 : -1;
    status.textContent = input.value.trim()
      ? shown.length
        ? `${shown.length} territoire${shown.length > 1 ? "s" : ""} trouvé${shown.length > 1 ? "s" : ""}`
        : "Aucun territoire ne correspond"
      : "";
    render();
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!shown.length) return update();
      active = (active + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      render();
      (list.children[active] as HTMLElement | undefined)?.scrollIntoView?.({block: "nearest"});
      event.preventDefault();
    } else if (event.key === "Enter") {
      const choice = shown[active];
      if (choice) go(choice.href);
      event.preventDefault();
    } else if (event.key === "Escape") {
      shown = [];
      active = -1;
      render();
    }
  });
  input.addEventListener("blur", () => {
    shown = [];
    active = -1;
    render();
  });
  return root;
}
