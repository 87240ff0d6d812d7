// Accessible filters without the Inputs library (not a dependency of the site): a labelled
// HTML <select> whose element carries `value` and sends "input", so that Framework's
// `view(...)` (or `Generators.input`) turns it into a reactive value.

let counter = 0;

export interface SelectOption<V> {
  readonly value: V;
  readonly label: string;
}

export interface SelectElement<V> extends HTMLDivElement {
  value: V;
}

/** A labelled drop-down list: `const annee = view(select({label: "Année", options}))`. */
export function select<V>({
  label,
  options,
  value
}: {
  label: string;
  options: readonly (SelectOption<V> | V)[];
  value?: V;
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
  items.forEach((item, i) => {
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = item.label;
    if (value !== undefined && item.value === value) option.selected = true;
    selectEl.append(option);
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
  return wrapper;
}

/** A row of filters. */
export function filters(...elements: HTMLElement[]): HTMLDivElement {
  const row = document.createElement("div");
  row.className = "pi-filtres";
  row.append(...elements);
  return row;
}
