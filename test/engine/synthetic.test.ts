import { DEMO_CUSTOMER_HEADERS, demoTables, normal, rng } from "../../src/engine/synthetic";

describe("synthetic portfolios", () => {
  test("deterministic for a seed; different seeds differ", () => {
    expect(demoTables({ customers: 60, asOf: 46326, seed: 3 })).toEqual(demoTables({ customers: 60, asOf: 46326, seed: 3 }));
    expect(demoTables({ customers: 60, asOf: 46326, seed: 4 }).customers.rows).not.toEqual(
      demoTables({ customers: 60, asOf: 46326, seed: 3 }).customers.rows,
    );
  });

  test("the planted data problems; one latent quality per customer", () => {
    const t = demoTables({ customers: 100, asOf: 46326, seed: 1 });
    expect(t.customers.headers).toEqual([...DEMO_CUSTOMER_HEADERS]);
    expect(t.customers.rows[16][2]).toBe("12,5 %");
    expect(t.customers.rows[40][0]).toBe(t.customers.rows[39][0]);
    expect(t.ledger.rows.at(-1)?.[0]).toBe("C999999");
    expect(t.quality).toHaveLength(100);
    expect(t.customers.rows.every((r) => typeof r[1] === "string" && !String(r[1]).startsWith("="))).toBe(true);
  });

  test("invoice share and count per customer are options; the defaults keep the demo as it was", () => {
    const none = demoTables({ customers: 80, asOf: 46326, seed: 2, invoiceShare: 0 });
    expect(none.ledger.rows).toHaveLength(1); // only the unknown id
    const many = demoTables({ customers: 80, asOf: 46326, seed: 2, invoiceShare: 1, invoicesPerCustomer: [10, 10] });
    expect(many.ledger.rows).toHaveLength(801);
    const explicit = demoTables({ customers: 80, asOf: 46326, seed: 2, invoiceShare: 0.75, invoicesPerCustomer: [3, 6] });
    expect(explicit).toEqual(demoTables({ customers: 80, asOf: 46326, seed: 2 }));
  });

  test("normal draws have mean about 0 and variance about 1", () => {
    const r = rng(9);
    const xs = Array.from({ length: 20_000 }, () => normal(r));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
