// Pages import arquero's browser bundle (its package entry imports node:fs, which Framework
// bundles as is and the browser refuses). Bundled by Framework, the UMD file has one
// default export: the same API as the package (`import aq from "arquero/dist/arquero.min.js"`).
declare module "arquero/dist/arquero.min.js" {
  import * as aq from "arquero";
  export default aq;
}
