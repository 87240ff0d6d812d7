// @vitest-environment jsdom
import {afterEach, describe, expect, it} from "vitest";
import {chosenFilters} from "../components/page-filters.js";
import {FRANCE, select, territoryOptions} from "./inputs.js";
import {paramName, paramValue, readParam} from "./url-state.js";

afterEach(() => {
  history.replaceState(null, "", "/salaries.html");
  chosenFilters.clear();
});

describe("filters in the URL", () => {
  it("names a filter from its label", () => {
    expect(paramName("Territoire")).toBe("territoire");
    expect(paramName("Type de structure")).toBe("type");
    expect(paramName("Année de candidature")).toBe("annee");
  });

  it("writes territories so that a région and a département of the same code differ", () => {
    expect(paramValue(FRANCE)).toBe("france");
    expect(paramValue({niveau: "région", territoire: "11", libelle: "Île-de-France"})).toBe("region-11");
    expect(paramValue({niveau: "département", territoire: "11", libelle: "Aude"})).toBe("departement-11");
    expect(paramValue(2025)).toBe("2025");
  });

  it("restores each filter from the URL on load, ignoring a value that is not an option", () => {
    history.replaceState(null, "", "/salaries.html?territoire=departement-11&annee=2031&type=ACI");
    const territoire = select({label: "Territoire", options: territoryOptions(), value: FRANCE});
    const annee = select({label: "Année", options: ["2025", "2024"], value: "2025"});
    const type = select({label: "Type de structure", options: ["ensemble", "ACI"], value: "ensemble"});
    expect(territoire.value).toEqual({niveau: "département", territoire: "11", libelle: "Aude"});
    expect(annee.value).toBe("2025");
    expect(type.value).toBe("ACI");
    expect(chosenFilters.get("territoire")).toEqual({value: "departement-11", label: "Aude (11)"});
  });

  it("writes a change in the URL, keeping the other filters and the path", () => {
    history.replaceState(null, "", "/sous-dossier/salaries.html?type=ACI");
    const annee = select({label: "Année", options: ["2025", "2024"], value: "2025"});
    const element = annee.querySelector("select")!;
    element.value = "1";
    element.dispatchEvent(new Event("input", {bubbles: true}));
    expect(annee.value).toBe("2024");
    expect(location.pathname).toBe("/sous-dossier/salaries.html");
    expect(readParam("annee")).toBe("2024");
    expect(readParam("type")).toBe("ACI");
    expect(chosenFilters.get("annee")).toEqual({value: "2024", label: "2024"});
  });
});
