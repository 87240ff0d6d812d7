// Who sent an application. The platform's `origine` says whether a prescriber was
// authorised; the authority on that is the organisation itself (`organisations.habilitée`),
// so for applications sent by an organisation the habilitation is taken from it.

export const ORIGINES = ["Prescripteur habilité", "Orienteur", "Candidat", "Employeur", "Non renseignée"] as const;

/** Origins where a prescriber organisation sent the application (a type of prescriber applies). */
export const PRESCRIBER_ORIGINS = ["Prescripteur habilité", "Orienteur"] as const;

/**
 * Origin of an application `c` joined to its organisation `o`: an application sent by an
 * organisation is "Prescripteur habilité" when the organisation is habilitée, "Orienteur"
 * otherwise; without a known organisation, the platform's own `origine`.
 */
export const ORIGINE_SQL = `CASE
    WHEN o.id IS NOT NULL AND c.origine IN ('Prescripteur habilité', 'Orienteur')
      THEN CASE WHEN o."habilitée" THEN 'Prescripteur habilité' ELSE 'Orienteur' END
    ELSE COALESCE(c.origine, 'Non renseignée') END`;

/** Type of the prescriber organisation (FT, ML, CAP_EMPLOI, DEPT, SPIP…), else the application's own. */
export const TYPE_PRESCRIPTEUR_SQL = `COALESCE(o.type, c.type_prescripteur, 'Non renseigné')`;

/** Auto-prescription: a hire whose application was sent by an employer (eligibility assessed by the SIAE itself). */
export const AUTO_PRESCRIPTION_ORIGIN = "Employeur";
