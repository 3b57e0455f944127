import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** GoTrue's TOTP: 30 s period, 6 digits, SHA-1, 20-byte secret in base32. */
const PERIOD = 30;
const DIGITS = 6;

function totpFor(secret: string, issuer: string, accountName: string): TOTP {
  return new TOTP({
    issuer,
    label: accountName,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export type NewTotp = { secret: string; uri: string; qrCode: string };

/**
 * A new secret, its otpauth:// URI, and the URI as an SVG QR code (error correction H, as
 * GoTrue). Colours by name, as GoTrue's SVG has them: auth-js hands the SVG on unescaped in
 * a data: URL, where a `#` would end the image.
 */
export async function generateTotp(issuer: string, accountName: string): Promise<NewTotp> {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, issuer, accountName).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "H", margin: 1, width: 200 });
  const qrCode = svg.replaceAll('"#ffffff"', '"white"').replaceAll('"#000000"', '"black"').trim();
  return { secret, uri, qrCode };
}

/** True when the code matches now or one step either side; nothing remembers used codes (as GoTrue). */
export function totpCodeValid(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secret, "", "").validate({ token: code, window: 1 }) !== null;
}
