/**
 * Builds a localized custom-functions metadata file from the generated
 * functions.json and a translation table. Function ids and names stay as they
 * are (names are what users type and saved workbooks keep ids); descriptions
 * and parameter help are translated. A missing translation is an error, so a
 * new function cannot ship without its Chinese help.
 */
"use strict";

/**
 * @param {{ functions: Array<{ id: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { description: string, parameters: Record<string, string> }>} help
 * @returns {{ metadata: object, problems: string[] }}
 */
function localizeFunctions(metadata, help) {
  const problems = [];
  const functions = metadata.functions.map((f) => {
    const t = help[f.id];
    if (!t) {
      problems.push(`no translation for function ${f.id}`);
      return f;
    }
    const parameters = (f.parameters || []).map((p) => {
      const d = t.parameters && t.parameters[p.name];
      if (!d) problems.push(`no translation for parameter ${f.id}.${p.name}`);
      return d ? { ...p, description: d } : p;
    });
    for (const name of Object.keys(t.parameters || {})) {
      if (!(f.parameters || []).some((p) => p.name === name)) problems.push(`translation names unknown parameter ${f.id}.${name}`);
    }
    return { ...f, description: t.description, parameters };
  });
  for (const id of Object.keys(help)) {
    if (!metadata.functions.some((f) => f.id === id)) problems.push(`translation for unknown function ${id}`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

module.exports = { localizeFunctions };
