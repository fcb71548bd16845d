// Development HTTPS certificates for https://localhost:3000.
//
// office-addin-dev-certs keeps them in ~/.office-addin-dev-certs/. Its
// getHttpsServerOptions() tries to install the CA system-wide and rejects on
// Linux machines without sudo (see the toolchain notes), so there we only
// *generate* the files, and we always read them directly.

import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Folder office-addin-dev-certs uses. */
export const certDir = join(homedir(), ".office-addin-dev-certs");
export const caPath = join(certDir, "ca.crt");
export const certPath = join(certDir, "localhost.crt");
export const keyPath = join(certDir, "localhost.key");

/** Regenerate when the localhost certificate expires within this many days. */
const RENEW_DAYS = 2;

/** Days until the localhost certificate expires; null when it is missing or unreadable. */
export function certificateDaysLeft(now = Date.now()) {
  if (![caPath, certPath, keyPath].every((p) => existsSync(p))) return null;
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    return (Date.parse(cert.validTo) - now) / 86_400_000;
  } catch {
    return null;
  }
}

/**
 * Makes sure ca.crt, localhost.crt and localhost.key exist and are not about
 * to expire (office-addin-dev-certs issues 30-day certificates).
 *
 * On Windows and macOS, Excel desktop must trust the CA: office-addin-dev-certs'
 * ensureCertificatesAreInstalled() checks, regenerates and installs it (the OS
 * may ask for confirmation). Elsewhere (Linux: no sudo, no Excel desktop) the
 * files are only generated; the user trusts ca.crt in the browser that runs
 * Excel on the web. Returns `{ generated }` (always false on Windows/macOS).
 */
export async function ensureDevCerts({ log = console.log } = {}) {
  const devCerts = (await import("office-addin-dev-certs")).default;
  if (process.platform === "win32" || process.platform === "darwin") {
    await devCerts.ensureCertificatesAreInstalled();
    return { generated: false };
  }
  const days = certificateDaysLeft();
  if (days !== null && days > RENEW_DAYS) return { generated: false };
  // generateCertificates() writes nothing when ca.crt already exists: clear stale files first.
  for (const p of [caPath, certPath, keyPath]) rmSync(p, { force: true });
  await devCerts.generateCertificates();
  log(`Generated development certificates in ${certDir} (valid 30 days).`);
  return { generated: true };
}

/** HTTPS options for webpack-dev-server / node https, read directly from the files. */
export function readHttpsOptions() {
  return { ca: readFileSync(caPath), cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
