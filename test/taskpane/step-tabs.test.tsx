/** The review's step tabs: one tab stop, arrow keys and Home/End move and select, steps that need a review wait for one. */
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { StepTabs } from "../../src/taskpane/review/StepTabs";
import { strings, type StepId } from "../../src/taskpane/i18n";

function Tabs({ reviewed }: { reviewed: boolean }) {
  const [step, setStep] = useState<StepId>("data");
  return <StepTabs step={step} reviewed={reviewed} onSelect={setStep} base="t" t={strings.en.review} />;
}

const selected = () =>
  screen
    .getAllByRole("tab")
    .filter((t) => t.getAttribute("aria-selected") === "true")
    .map((t) => t.textContent);

test("before a review only Data can be chosen; the others say they are unavailable", () => {
  render(<Tabs reviewed={false} />);
  expect(screen.getByRole("tablist", { name: "Review steps" })).toBeInTheDocument();
  expect(screen.getAllByRole("tab").map((t) => [t.textContent, t.getAttribute("aria-disabled")])).toEqual([
    ["Data", null],
    ["Overview", "true"],
    ["Customers", "true"],
    ["Monitor", "true"],
    ["Write", "true"],
  ]);
  fireEvent.click(screen.getByRole("tab", { name: "Monitor" }));
  expect(selected()).toEqual(["Data"]);
  fireEvent.keyDown(screen.getByRole("tab", { name: "Data" }), { key: "ArrowRight" });
  expect(selected()).toEqual(["Data"]);
});

test("after a review: one tab stop; arrows wrap, Home and End jump, and the focus follows", () => {
  render(<Tabs reviewed />);
  expect(screen.getAllByRole("tab").map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  const data = screen.getByRole("tab", { name: "Data" });
  data.focus();
  fireEvent.keyDown(data, { key: "ArrowRight" });
  expect(selected()).toEqual(["Overview"]);
  expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Overview" }));
  fireEvent.keyDown(document.activeElement as Element, { key: "End" });
  expect(selected()).toEqual(["Write"]);
  fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
  expect(selected()).toEqual(["Data"]);
  fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
  expect(selected()).toEqual(["Write"]);
  expect(screen.getAllByRole("tab").map((t) => t.tabIndex)).toEqual([-1, -1, -1, -1, 0]);
  fireEvent.click(screen.getByRole("tab", { name: "Customers" }));
  expect(selected()).toEqual(["Customers"]);
});
