// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {matchTerritories, territoryChoices, territorySearch} from "./territory-search.js";

const choices = territoryChoices("/");

describe("territory search", () => {
  it("finds a territory by name, without accents, or by code", () => {
    expect(matchTerritories(choices, "nord").map((c) => c.label)).toEqual(["Nord (59)"]);
    expect(matchTerritories(choices, "59")[0]!.href).toBe("/departements/59.html");
    expect(matchTerritories(choices, "ile de fr").map((c) => c.label)).toEqual(["Île-de-France (région)"]);
    expect(matchTerritories(choices, "réunion").map((c) => c.label)).toEqual([
      "La Réunion (région)",
      "La Réunion (974)"
    ]);
    expect(matchTerritories(choices, "")).toEqual([]);
    expect(matchTerritories(choices, "zzz")).toEqual([]);
  });

  it("is an ARIA combobox: arrows move the active option, Enter opens it", () => {
    const opened: string[] = [];
    const root = territorySearch(choices, (href) => opened.push(href));
    document.body.append(root);
    const input = root.querySelector("input")!;
    expect(input.getAttribute("role")).toBe("combobox");
    input.value = "haute";
    input.dispatchEvent(new Event("input"));
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const options = root.querySelectorAll("[role=option]");
    expect(options.length).toBeGreaterThan(3);
    expect(root.querySelector("[role=status]")!.textContent).toMatch(/^\d+ territoires trouvés$/);
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown"}));
    expect(input.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^\/(departements|regions)\//);
    input.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });
});
