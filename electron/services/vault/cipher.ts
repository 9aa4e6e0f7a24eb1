/**
 * What the vault needs from an OS keystore (Electron safeStorage in the desktop app). The vault never encrypts by
 * itself: all confidentiality comes from the implementation behind this interface.
 */
export interface Cipher {
  /** The keystore in use, for display: e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`. */
  readonly backend: string;
  /** True only when the OS really protects the key; false for Linux `basic_text`/`unknown` (a key built into Chromium). */
  readonly strong: boolean;
  /** False when encrypt/decrypt cannot work at all (e.g. no keystore reachable); `strong` is then false too. */
  readonly available: boolean;
  encrypt(plain: string): Promise<Buffer>;
  /** Rejects when the data was not produced by this keystore (another machine, a reset keychain, damaged bytes). */
  decrypt(data: Buffer): Promise<string>;
}
