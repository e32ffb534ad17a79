/** "Viewing as Jane Doe (Acme Co) · read-only · ends 14:26 UTC": one line any frontend can show. */
export function bannerLine(input: {
  customerName: string;
  accountName: string;
  mode: 'read_only' | 'read_write';
  expiresAt: Date;
}): string {
  const hh = String(input.expiresAt.getUTCHours()).padStart(2, '0');
  const mm = String(input.expiresAt.getUTCMinutes()).padStart(2, '0');
  const mode = input.mode === 'read_only' ? 'read-only' : 'read-write';
  return `Viewing as ${input.customerName} (${input.accountName}) · ${mode} · ends ${hh}:${mm} UTC`;
}
