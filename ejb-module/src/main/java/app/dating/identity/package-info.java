/**
 * Identity and access: accounts, password sign-in with Argon2id, access tokens (JWT) verified by
 * MicroProfile JWT, rate limits on what can be abused, and the audit log of sensitive actions.
 */
package app.dating.identity;
