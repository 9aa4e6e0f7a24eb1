const JWT_LIKE = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const GRANT_PARAMS = /\b(refresh_token|access_token|id_token|code|device_code|client_info)=[^&\s"']+/gi;

/** A safety net for anything logged: strips JWTs, bearer values and token-carrying form fields. */
export function redactTokens(text: string): string {
  return text.replace(JWT_LIKE, '[redacted]').replace(BEARER, '$1 [redacted]').replace(GRANT_PARAMS, '$1=[redacted]');
}
