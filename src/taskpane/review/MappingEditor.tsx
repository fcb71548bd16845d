/**
 * The column mapping of a table: each header → the key the engine's matcher
 * recognised, with a dropdown to correct it or ignore the column, and the
 * problems `checkMapping` reports (errors block the review, warnings do not).
 */
import { Button, Caption1, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import type { Lang } from "../../engine/lang";
import {
  LEDGER_KEYS,
  LEDGER_KEY_LABELS,
  checkMapping,
  type ColumnMapping,
  type MappingIssue,
  type MappingKey,
} from "../../engine/portfolio/mapping";
import { FACTORS, GROUP_LABELS, type FactorGroup } from "../../engine/scoring/factors";
import { FIELD_KEYS, type FieldKey } from "../../engine/scoring/headers";
import { columnLetters } from "../../excel/address";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(6em, 1fr) minmax(10em, 1.3fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
    margin: 0,
  },
  header: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  colHead: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: "10em", maxWidth: "100%" },
  unrecognised: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  issues: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

const IGNORE = "__ignore__";
const FACTOR_GROUPS: FactorGroup[] = ["financial", "statement", "payment", "profile", "risk"];

/** Display label of a key in `lang` (fields and ledger keys from the pane/engine tables, factors from the engine). */
export function keyLabel(key: MappingKey, kind: "customers" | "ledger", lang: Lang, t: ReviewStrings): string {
  if (kind === "ledger" && (LEDGER_KEYS as readonly string[]).includes(key))
    return LEDGER_KEY_LABELS[key as (typeof LEDGER_KEYS)[number]][lang];
  if ((FIELD_KEYS as readonly string[]).includes(key)) return t.mapping.fieldLabels[key as FieldKey];
  const f = FACTORS.find((x) => x.key === key);
  return f ? f.label[lang] : key;
}

/** Sets column `index` of a mapping to `key` (null = ignore) as the user's choice; returns a new mapping. */
export function setColumnKey(mapping: ColumnMapping, index: number, key: MappingKey | null): ColumnMapping {
  return { ...mapping, columns: mapping.columns.map((c) => (c.index === index ? { ...c, key, auto: false } : c)) };
}

export interface MappingEditorProps {
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
  lang: Lang;
  t: ReviewStrings;
  heading: string;
  /** An info line above the columns (e.g. "mapping restored"). */
  note?: string | null;
}

/** Issues of a mapping (errors first). */
export function mappingIssues(mapping: ColumnMapping): MappingIssue[] {
  return checkMapping(mapping, mapping.kind);
}

export function MappingEditor({ mapping, onChange, lang, t, heading, note }: MappingEditorProps) {
  const s = useStyles();
  const id = useId();
  const issues = useMemo(() => mappingIssues(mapping), [mapping]);
  const hasError = issues.some((i) => i.severity === "error");
  const [open, setOpen] = useState(true);
  const recognised = mapping.columns.filter((c) => c.key !== null).length;
  const kind = mapping.kind;

  const options = useMemo(() => {
    if (kind === "ledger") {
      return [{ group: t.mapping.ledgerGroup, keys: [...LEDGER_KEYS] as MappingKey[] }];
    }
    return [
      { group: t.mapping.fieldsGroup, keys: [...FIELD_KEYS] as MappingKey[] },
      ...FACTOR_GROUPS.map((g) => ({
        group: GROUP_LABELS[g][lang],
        keys: FACTORS.filter((f) => f.group === g).map((f) => f.key) as MappingKey[],
      })),
    ];
  }, [kind, lang, t]);

  return (
    <section className={s.root} aria-labelledby={`${id}-h`}>
      <div className={s.head}>
        <Subtitle2 as="h3" id={`${id}-h`} className={s.heading}>
          {heading}
        </Subtitle2>
        <Button appearance="subtle" size="small" aria-expanded={open} aria-controls={`${id}-grid`} onClick={() => setOpen((o) => !o)}>
          {open ? t.mapping.hide : t.mapping.show}
        </Button>
      </div>
      <Caption1>{t.mapping.summary(fmt.count(recognised, lang), fmt.count(mapping.columns.length, lang))}</Caption1>
      {note ? (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ) : null}
      {open ? (
        <div className={s.grid} id={`${id}-grid`} role="group" aria-labelledby={`${id}-h`}>
          <Caption1 className={s.colHead} aria-hidden="true">
            {t.mapping.column}
          </Caption1>
          <Caption1 className={s.colHead} aria-hidden="true">
            {t.mapping.meaning}
          </Caption1>
          {mapping.columns.map((c) => {
            const headerText = c.header !== "" ? c.header : t.mapping.emptyHeader(columnLetters(c.index));
            const bad = issues.some((i) => i.severity === "error" && i.columns?.includes(c.index));
            return (
              <div key={c.index} style={{ display: "contents" }}>
                <span
                  className={s.header}
                  id={`${id}-c${c.index}`}
                  title={headerText}
                  lang={/[\u4e00-\u9fff]/.test(headerText) ? "zh-CN" : undefined}
                >
                  {headerText}
                </span>
                <Select
                  className={s.dropdown}
                  size="small"
                  aria-label={t.mapping.mappingFor(headerText)}
                  aria-invalid={bad || undefined}
                  value={c.key ?? IGNORE}
                  onChange={(_, d) => onChange(setColumnKey(mapping, c.index, d.value === IGNORE ? null : (d.value as MappingKey)))}
                  data-column={c.index}
                >
                  <option value={IGNORE}>{c.key === null && c.auto ? t.mapping.notRecognised : t.mapping.ignore}</option>
                  {options.map((g) => (
                    <optgroup key={g.group} label={g.group}>
                      {g.keys.map((k) => (
                        <option key={k} value={k}>
                          {keyLabel(k, kind, lang, t)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              </div>
            );
          })}
        </div>
      ) : null}
      {issues.length > 0 ? (
        <div className={s.issues}>
          {issues.map((i, k) => (
            <MessageBar key={`${i.code}-${k}`} intent={i.severity === "error" ? "error" : "warning"} data-severity={i.severity}>
              <MessageBarBody>{i.message[lang]}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      ) : null}
      {hasError ? <span hidden data-testid="mapping-blocked" /> : null}
    </section>
  );
}
