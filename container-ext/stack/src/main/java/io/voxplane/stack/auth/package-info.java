/**
 * Digest authentication of SIP requests (RFC 3261 s22; RFC 7616 with {@code qop=auth}; RFC 8760
 * SHA-256 in SIP; RFC 2617 MD5).
 *
 * <p>{@link io.voxplane.stack.auth.DigestAuthenticator} challenges (401 for REGISTER, 407 for the
 * rest, per method in {@link io.voxplane.stack.auth.DigestAuthenticatorConfig}) and verifies
 * credentials; {@link io.voxplane.stack.auth.DigestNonces} makes stateless HMAC nonces that
 * expire; {@link io.voxplane.stack.auth.NonceCountCache} refuses replays; users come from a
 * {@link io.voxplane.stack.auth.CredentialStore} (the in-memory one is empty unless configured).
 * Outcomes and their answers are listed in {@link io.voxplane.stack.auth.AuthFailure}. Error codes:
 * {@code VXAUTH-001..003} ({@link io.voxplane.stack.auth.AuthException}).
 */
package io.voxplane.stack.auth;
