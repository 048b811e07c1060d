/**
 * Who is calling: bearer tokens verified (HS256 secret, RS256/ES256 public keys or a JWKS file),
 * the four caller roles, and the caller's identity handed to PostgreSQL at the start of every
 * transaction so row-level security applies. Does not decide what a role may do with a particular
 * resource: each resource states that itself through {@code Caller}'s checks.
 */
package dev.tokenledger.security;
