// ROME job codes (répertoire opérationnel des métiers et des emplois), codes only, in the
// reference's order: the one copy of the reference lives in @pilotage/sources (France
// Travail open data, Licence Ouverte, version 2024-10).
import {ROME_CODES_BY_DOMAINE} from "@pilotage/sources";

export const ROME_CODES: readonly string[] = Object.values(ROME_CODES_BY_DOMAINE).flat();
