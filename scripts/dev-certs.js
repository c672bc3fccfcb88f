/**
 * The dev server's https certificate (`npm run dev-server`), from office-addin-dev-certs.
 *
 * On Windows and Mac the package creates a development CA and puts it into the user's certificate store (Excel
 * trusts only certificates from there). On Linux there is no Excel to sideload into and the package's install
 * step runs `sudo update-ca-certificates`, which fails where sudo is absent and needs root where it is
 * present; so here the certificates are only created, never installed: the server starts anyway, and one line
 * says how to trust the CA by hand. Where the install fails on Windows or Mac (the user declined the prompt),
 * the same fallback applies.
 */
const fs = require('fs');
const path = require('path');
const certs = require('office-addin-dev-certs');

const DIR = path.join(require('os').homedir(), '.office-addin-dev-certs');
const FILES = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };

function readCertificates() {
  return Object.fromEntries(
    Object.entries(FILES).map(([option, file]) => [option, fs.readFileSync(path.join(DIR, file))]),
  );
}

function valid() {
  return (
    Object.values(FILES).every((file) => fs.existsSync(path.join(DIR, file))) && certs.verifyCertificates()
  );
}

/** Creates the certificates (30 days) unless valid ones exist; installs nothing. */
async function untrustedCertificates(why) {
  if (!valid()) {
    fs.rmSync(DIR, { recursive: true, force: true });
    await certs.generateCertificates();
  }
  const ca = path.join(DIR, FILES.ca);
  console.log(
    `[dev-certs] ${why} 信頼するには / To trust it: sudo cp ${ca} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates` +
      ` (Chromium/Firefox: import ${ca} as an authority; curl: --cacert ${ca}).`,
  );
  return readCertificates();
}

async function httpsServerOptions() {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    try {
      return await certs.getHttpsServerOptions();
    } catch (error) {
      const reason = String(error && error.message ? error.message : error).split('\n')[0];
      return untrustedCertificates(
        `開発用 CA を証明書ストアに入れられませんでした (${reason}); 信頼されない証明書で起動します。`,
      );
    }
  }
  return untrustedCertificates(
    'Linux では開発用 CA をシステムの証明書ストアに入れません (sudo が要るため); 信頼されない証明書で https://localhost:3000/ を起動します。 / On Linux the development CA is not put into a system store; serving with an untrusted certificate.',
  );
}

module.exports = { httpsServerOptions };
