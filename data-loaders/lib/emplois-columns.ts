// What the datasets of "les emplois de l'inclusion" share with those of the fluxIAE: the
// same leading dimension columns (niveau, territoire, territoire_libelle, periode,
// type_structure), so that pages and the territory archive read them alike. Their
// type_structure adds "autres" (employers outside the IAE), published beside the five SIAE
// kinds but not part of "ensemble".
import {kindColumn, periodeColumn, territoryColumns, type DimensionColumn} from "@pilotage/indicators";

export function emploisDimensions(periodDefinition: string, kindSource = "structures.type"): DimensionColumn[] {
  return [...territoryColumns(), periodeColumn(periodDefinition), kindColumn(kindSource)];
}
