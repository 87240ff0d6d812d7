// Public face of the chart layer: pages import from here (or from the single module).
export {barChart, type BarChartOptions} from "./bar.js";
export {stackedBarChart, type StackedBarChartOptions} from "./stacked-bar.js";
export {lineChart, type LineChartOptions} from "./line.js";
export {funnelChart, type FunnelChartOptions} from "./funnel.js";
export {dataTable, type TableOptions, type TableColumnOptions} from "./table.js";
export {keyFigure, type KeyFigureOptions} from "./key-figure.js";
export {choroplethMap, GEO_CREDIT, type ChoroplethMapOptions} from "./map.js";
export type {Accessor, FigureOptions, MaskOptions} from "./options.js";
export * from "./format.js";
export {accessiblePlot} from "./plot.js";
export {
  BACKGROUND,
  CATEGORICAL,
  SEQUENTIAL,
  MASK_STROKE,
  categoricalFill,
  sequentialFill,
  contrast
} from "./palette.js";
export {DEPARTEMENTS, REGIONS, OUTRE_MER, departement, region, departementsOf, territoryName} from "./territories.js";
