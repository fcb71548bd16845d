import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// findBy*/waitFor give up after 1 s by default; a busy 2-core machine can take longer to
// render a review. Jest's per-test limit for this project (jest.config.js) stays well above.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
