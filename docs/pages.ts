// The site's navigation, in one place: the config reads it, and the browser tests visit
// every page it lists (plus the dynamic ones), so no page can be forgotten by the tests.
export interface Page {
  readonly name: string;
  readonly path: string;
}
export interface Section {
  readonly name: string;
  readonly open?: boolean;
  readonly pages: readonly Page[];
}

export const pages: (Page | Section)[] = [
  {
    name: "Thèmes",
    open: true,
    pages: [
      {name: "Structures et offre d'insertion", path: "/structures"},
      {name: "Candidatures et orientations", path: "/candidatures"},
      {name: "Prescripteurs et auto-prescription", path: "/prescripteurs"},
      {name: "Salariés et parcours", path: "/salaries"},
      {name: "Conventionnements et ETP", path: "/etp"},
      {name: "Les femmes dans l'IAE", path: "/femmes"},
      {name: "PASS IAE", path: "/pass-iae"},
      {name: "Métiers et postes en tension", path: "/metiers"}
    ]
  },
  {name: "Territoires", path: "/territoires"},
  {name: "Données et méthode", path: "/donnees-et-methode"},
  {name: "Guide des analystes", path: "/guide-analystes"},
  {name: "Ce que le site remplace", path: "/ce-que-le-site-remplace"}
];
