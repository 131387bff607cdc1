/**
 * The most common passwords of at least 8 characters (from public breach
 * corpora), plus the obvious Dutch ones. Compared case-insensitively.
 */
export const COMMON_PASSWORDS = new Set([
  "12345678", "123456789", "1234567890", "12345678910", "password", "password1", "password123",
  "qwertyuiop", "qwerty123", "qwerty12", "1q2w3e4r", "1q2w3e4r5t", "11111111", "00000000", "iloveyou",
  "87654321", "abcd1234", "abc12345", "admin123", "administrator", "welcome1", "welcome123",
  "sunshine", "princess", "football", "baseball", "superman", "starwars", "trustno1", "passw0rd",
  "p@ssw0rd", "letmein1", "zaq12wsx", "1qaz2wsx", "qazwsxedc", "asdfghjkl", "asdfasdf", "zxcvbnm1",
  "michelle", "jennifer", "computer", "whatever", "internet", "changeme", "corvette", "mercedes",
  "12341234", "11223344", "123123123", "987654321", "55555555", "66666666", "88888888", "99999999",
  "a1b2c3d4", "aa123456", "q1w2e3r4", "qwertyui", "password!", "123qweasd", "1234qwer",
  "wachtwoord", "wachtwoord1", "wachtwoord123", "welkom01", "welkom123", "welkom12", "geheim123",
  "voetbal1", "ajax1900", "feyenoord", "nederland", "amsterdam", "rotterdam", "goedwerk",
  "goedwerknetwerk", "goodworknetwork", "forum123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
