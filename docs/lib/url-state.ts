// Shareable views: the filters of a page live in its URL (`?territoire=region-84&annee=2025`),
// are read back on load, and "Copier le lien" copies that URL. Only the query string is
// used, so a link works on any static host, under any sub-path.

/** The value of a URL parameter of the current page, or null. */
export function readParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Sets (or removes, for null) a URL parameter without reloading nor adding a history entry. */
export function writeParam(name: string, value: string | null): void {
  const url = new URL(location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  history.replaceState(history.state, "", url);
}

/**
 * The URL name of a filter from its label: "Territoire" → "territoire", "Type de structure"
 * → "type", "Année de candidature" → "annee" (first word, lower case, without accents).
 */
export function paramName(label: string): string {
  return (
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .match(/[a-z0-9]+/)?.[0] ?? "filtre"
  );
}

/**
 * How a filter value is written in the URL. A territory `{niveau, territoire}` becomes
 * "france", "region-84" or "departement-75" (région and département codes overlap:
 * "11" is both Île-de-France and Aude); anything else its text.
 */
export function paramValue(value: unknown): string {
  if (value && typeof value === "object" && "niveau" in value && "territoire" in value) {
    const {niveau, territoire} = value as {niveau: string; territoire: string};
    if (niveau === "national") return "france";
    return `${niveau === "région" ? "region" : "departement"}-${territoire}`;
  }
  return String(value);
}

/** A "Copier le lien" button: copies the page's current URL (its filters included). */
export function copyLinkButton(): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "pi-copier-lien";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copier le lien";
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  button.addEventListener("click", async () => {
    const href = location.href;
    try {
      await navigator.clipboard.writeText(href);
      status.textContent = "Lien copié.";
    } catch {
      // No clipboard (insecure origin, refused permission): show the link to copy by hand.
      status.textContent = `Lien de cette vue : ${href}`;
    }
  });
  wrapper.append(button, status);
  return wrapper;
}
