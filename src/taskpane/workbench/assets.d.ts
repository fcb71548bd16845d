/** The sample workbook, bundled by webpack as a data: URL (asset/inline; see webpack.config.js). */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
