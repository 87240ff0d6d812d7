// Every message `pnpm reports` prints, in French, in one place.
export const messages = {
  usage: `Usage : pnpm reports [options]

  --annee AAAA          année des rapports (défaut : la dernière année complète des données)
  --departement CODE    département (défaut : le territoire de test des données d'exemple, 34)
  --region CODE         région de la synthèse DREETS (défaut : celle du département) ; seule,
                        elle choisit aussi le département : celui de la région qui compte le plus de SIAE
                        (à égalité, le plus d'ETP conventionnés)
  --structures ID,ID    identifiants ASP des SIAE dont produire le bilan (défaut : toutes celles du département)
  --sortie DOSSIER      dossier où écrire (défaut : reports/, ignoré par git)
  --formats html,pdf,xlsx  formes à produire (défaut : les trois)
  --aide                cette aide

Les sources sont celles du site : données d'exemple, PILOTAGE_SOURCES ou DATABASE_URL.`,
  unknownOption: (name: string) => `Option inconnue : « ${name} ». « pnpm reports --aide » liste les options.`,
  missingValue: (name: string) => `L'option « ${name} » attend une valeur. « pnpm reports --aide » liste les options.`,
  switchValue: (name: string) =>
    `L'option « ${name} » ne prend pas de valeur. « pnpm reports --aide » liste les options.`,
  strayArgument: (value: string) =>
    `Argument inattendu : « ${value} » (chaque valeur suit son option, par exemple --annee 2025). « pnpm reports --aide » liste les options.`,
  badYear: (value: string) => `Année invalide : « ${value} » (attendu : quatre chiffres, par exemple 2025).`,
  noDataYear: (year: number, years: readonly number[]) =>
    `Aucune donnée pour l'année ${year} : les états mensuels couvrent ${years.length ? years.join(", ") : "aucune année"}.`,
  noFullYear: "Aucune année complète (12 mois d'états mensuels) dans les données : précisez --annee.",
  unknownDepartement: (code: string) =>
    `Département inconnu : « ${code} » (attendu : un code INSEE, par exemple 34, 2A ou 974).`,
  unknownRegion: (code: string) => `Région inconnue : « ${code} » (attendu : un code INSEE de région, par exemple 76).`,
  regionMismatch: (dep: string, region: string) => `Le département ${dep} n'appartient pas à la région ${region}.`,
  noStructures: (dep: string, year: number) =>
    `Aucune SIAE avec une annexe financière retenue dans le département ${dep} en ${year}.`,
  badStructure: (value: string) =>
    `Identifiant de structure invalide : « ${value} » (attendu : un identifiant ASP numérique).`,
  structureNotInScope: (id: number, dep: string, year: number, itsDep: string) =>
    itsDep === dep
      ? `La structure ${id} n'a pas d'annexe financière retenue dans le département ${dep} en ${year}.`
      : `La structure ${id} relève du département ${itsDep}, pas du ${dep} : son bilan se produit avec --departement ${itsDep}.`,
  unknownStructure: (id: number) => `La structure ${id} est inconnue des données (aucune structure de ce numéro ASP).`,
  repeatedOption: (name: string) => `L'option « ${name} » est donnée deux fois : laquelle retenir ? Gardez-en une.`,
  badFormats: (value: string) =>
    `Formats invalides : « ${value} » (attendu : html, pdf, xlsx, séparés par des virgules).`,
  outputInDist: (dir: string) =>
    `Le dossier de sortie ${dir} est dans dist/ : les rapports ne doivent jamais être publiés.`,
  outputInRepository: (dir: string, reports: string) =>
    `Le dossier de sortie ${dir} est dans le dépôt, hors de ${reports} : les rapports y seraient suivis par git ou publiés. Dans le dépôt, écrivez-les sous ${reports} (ignoré par git), ou hors du dépôt.`,
  outputNotDir: (path: string) => `Le dossier de sortie ne peut pas être créé : ${path} existe et n'est pas un dossier.`
};
