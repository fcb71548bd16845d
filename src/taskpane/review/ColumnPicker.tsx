/** "Columns": a menu of checkboxes to show or hide the customer list's columns. */
import { Button, Menu, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger, type MenuProps } from "@fluentui/react-components";
import type { ListColumnId, ReviewStrings } from "../i18n";
import { OPTIONAL_COLUMNS } from "./list-view";

export function ColumnPicker({ columns, onChange, t }: { columns: readonly ListColumnId[]; onChange: (c: ListColumnId[]) => void; t: ReviewStrings }) {
  const checked = { columns: [...columns] };
  const change: MenuProps["onCheckedValueChange"] = (_, d) => onChange(OPTIONAL_COLUMNS.filter((c) => d.checkedItems.includes(c)));
  return (
    <Menu checkedValues={checked} onCheckedValueChange={change}>
      <MenuTrigger disableButtonEnhancement>
        <Button>{t.list.columnsButton}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={t.list.columnsMenu}>
          {OPTIONAL_COLUMNS.map((c) => (
            <MenuItemCheckbox key={c} name="columns" value={c}>
              {t.list.columns[c]}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
