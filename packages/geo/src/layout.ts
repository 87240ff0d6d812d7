// Where each territory goes in the drawing (units: drawing units, y down).
// Overseas départements sit in a column of boxes on the left, in INSEE code order,
// each at its own scale (sizes are not comparable between boxes, nor with the metropole).
type Box = [[number, number], [number, number]];

export type Inset = {departement: string; region: string; nom: string; box: Box};

const COLUMN = {x0: 0, x1: 170, top: 20, height: 140, gap: 15};

export const DRAWING = {
  width: 1000,
  height: 800,
  metropole: [
    [190, 10],
    [1000, 790]
  ] as Box
};

const names: [string, string, string][] = [
  ["971", "01", "Guadeloupe"],
  ["972", "02", "Martinique"],
  ["973", "03", "Guyane"],
  ["974", "04", "La Réunion"],
  ["976", "06", "Mayotte"]
];

export const INSETS: Inset[] = names.map(([departement, region, nom], i) => {
  const y0 = COLUMN.top + i * (COLUMN.height + COLUMN.gap);
  return {
    departement,
    region,
    nom,
    box: [
      [COLUMN.x0, y0],
      [COLUMN.x1, y0 + COLUMN.height]
    ]
  };
});
