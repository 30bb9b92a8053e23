// How a provider's public contact details are checked and written for the directory: a UK phone
// number and a website address. Pure, so the form, the reviewer's view and the public page agree.

export type Checked = { ok: true; value: string } | { ok: false; message: string };

export const PHONE_MESSAGE = "Enter a UK phone number, like 020 7946 0000 or 07700 900 982";
export const WEBSITE_MESSAGE = "Enter a website address, like https://www.example.org";

/**
 * A UK phone number as the public can dial it: 10 or 11 digits starting 0, or +44 with the leading
 * 0 dropped. Spaces, hyphens and brackets are allowed as typed and kept; anything else is refused.
 */
export function validatePhone(input: string): Checked {
  const typed = input.trim().replace(/\s+/g, " ");
  if (!/^\+?[\d\s()-]+$/.test(typed)) return { ok: false, message: PHONE_MESSAGE };
  const digits = typed.replace(/\D/g, "");
  const national = typed.startsWith("+") ? (digits.startsWith("44") ? `0${digits.slice(2).replace(/^0/, "")}` : null) : digits;
  if (national === null || !/^0[1-9]\d{8,9}$/.test(national)) return { ok: false, message: PHONE_MESSAGE };
  return { ok: true, value: typed };
}

/** The number for a `tel:` link: digits, with +44 kept when it was typed. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;
}

/**
 * A public website: http or https only (never javascript: or data:), a host name with a dot and no
 * credentials. "www.example.org" is taken as https://www.example.org.
 */
export function validateWebsite(input: string): Checked {
  const typed = input.trim();
  if (typed === "" || /\s/.test(typed)) return { ok: false, message: WEBSITE_MESSAGE };
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: WEBSITE_MESSAGE };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: WEBSITE_MESSAGE };
  if (url.username || url.password) return { ok: false, message: WEBSITE_MESSAGE };
  if (!/^[a-z\d-]+(\.[a-z\d-]+)+$/i.test(url.hostname) || /^[\d.]+$/.test(url.hostname)) return { ok: false, message: WEBSITE_MESSAGE };
  return { ok: true, value: url.href };
}

/** A website as the page shows it: without the scheme and a bare trailing slash. */
export function websiteText(href: string): string {
  return href.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
