/** The builder escapes only the first `]]>` of a CDATA section; break every one so none can end it early. */
export function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']] >');
}
