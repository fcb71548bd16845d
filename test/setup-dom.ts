import "@testing-library/jest-dom";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
