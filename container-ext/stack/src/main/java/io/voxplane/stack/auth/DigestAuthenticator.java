package io.voxplane.stack.auth;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transaction.SipIdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Digest authentication of SIP requests (RFC 3261 s22, RFC 7616 with {@code qop=auth},
 * RFC 8760 for SHA-256 in SIP; RFC 2617 for MD5).
 *
 * <p>For a request without credentials for our realm the answer is a challenge: 401 with
 * WWW-Authenticate for REGISTER (a registrar is a UAS, s22.2), 407 with Proxy-Authenticate for
 * other methods (s22.3), configurable per method in {@link DigestAuthenticatorConfig}. Each
 * challenge offers one header per configured algorithm, SHA-256 first (RFC 8760 s2.4), all with
 * the same nonce and {@code qop="auth"}. ACK and CANCEL are never challenged (s22.1).
 *
 * <p>Verification checks realm, algorithm, nonce (stateless HMAC, see {@link DigestNonces}),
 * digest-uri against the Request-URI, the user, the response, and last the nonce count
 * ({@link NonceCountCache}), so an unauthenticated sender cannot touch the replay cache. The
 * answers per failure are listed in {@link AuthFailure}.
 *
 * <p>Thread-safe; does no I/O except the {@link CredentialStore} lookup.
 */
public final class DigestAuthenticator {

    private final DigestAuthenticatorConfig config;
    private final CredentialStore credentials;
    private final DigestNonces nonces;
    private final NonceCountCache nonceCounts;

    public DigestAuthenticator(DigestAuthenticatorConfig config, CredentialStore credentials, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.nonces = new DigestNonces(config.secret(), config.realm(), config.nonceTtl(), clock);
        this.nonceCounts = new NonceCountCache(config.maxTrackedNonces());
    }

    public DigestAuthenticatorConfig config() {
        return config;
    }

    /** Nonces the replay cache currently tracks. */
    public int trackedNonces() {
        return nonceCounts.size();
    }

    /** Authenticates {@code request}; never throws for bad credentials (they get 400/401/403/407). */
    public AuthOutcome authenticate(SipRequest request) {
        String method = request.method();
        if (request.isAck() || request.isCancel() || config.openMethods().contains(method)) {
            return new AuthOutcome.Exempt();
        }
        ChallengeKind kind = config.kindFor(method);
        AuthValue chosen = null;
        boolean ourRealm = false;
        for (AuthValue value : kind.credentials(request)) {
            if (value.isDigest() && config.realm().equals(value.realm().orElse(null))) {
                ourRealm = true;
                Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(value.parameter("algorithm").orElse("MD5"));
                if (algorithm.isPresent() && config.algorithms().contains(algorithm.get())) {
                    chosen = value;
                    break;
                }
            }
        }
        if (chosen == null) {
            return challenge(request, kind, ourRealm ? AuthFailure.UNSUPPORTED_ALGORITHM : AuthFailure.NO_CREDENTIALS);
        }
        DigestCredentials digest;
        try {
            digest = DigestCredentials.parse(chosen);
        } catch (AuthException e) {
            return refuse(request, AuthFailure.MALFORMED, e.getMessage());
        }
        long nc = digest.nonceCount();
        if (nc < 1 || !"auth".equalsIgnoreCase(digest.qop())) {
            return refuse(request, AuthFailure.MALFORMED, "qop must be auth and nc 8 hex digits");
        }
        if (!sameUri(digest.uri(), request.requestUri())) {
            return refuse(request, AuthFailure.URI_MISMATCH, "digest uri is not the Request-URI");
        }
        DigestAlgorithm algorithm = digest.supportedAlgorithm().orElseThrow();
        NonceStatus nonceStatus = nonces.check(digest.nonce());
        if (nonceStatus == NonceStatus.FORGED) {
            return challenge(request, kind, AuthFailure.UNKNOWN_NONCE);
        }
        boolean correct = responseMatches(digest, algorithm, method);
        if (nonceStatus == NonceStatus.EXPIRED) {
            return challenge(request, kind, correct ? AuthFailure.STALE_NONCE : AuthFailure.UNKNOWN_NONCE);
        }
        if (!correct) {
            return refuse(request, AuthFailure.FORBIDDEN, null);
        }
        if (nonceCounts.accept(digest.nonce(), nonces.issuedMillis(digest.nonce()), nc) != NonceCountCache.Verdict.ACCEPTED) {
            return challenge(request, kind, AuthFailure.REPLAYED);
        }
        return new AuthOutcome.Authenticated(digest.username(), algorithm);
    }

    /** A 401 or 407 (per the method's kind) with fresh challenges; {@code stale} as given. */
    public SipResponse challenge(SipRequest request, boolean stale) {
        return challengeResponse(request, config.kindFor(request.method()), stale);
    }

    private AuthOutcome challenge(SipRequest request, ChallengeKind kind, AuthFailure reason) {
        return new AuthOutcome.Rejected(reason, challengeResponse(request, kind, reason.stale()));
    }

    private SipResponse challengeResponse(SipRequest request, ChallengeKind kind, boolean stale) {
        String nonce = nonces.issue();
        SipResponse.Builder response = withToTag(request, SipResponse.replyTo(request, kind.status()));
        for (DigestAlgorithm algorithm : config.algorithms()) {
            List<AuthValue.Param> params = new ArrayList<>(5);
            params.add(new AuthValue.Param("realm", config.realm(), true));
            params.add(new AuthValue.Param("nonce", nonce, true));
            params.add(new AuthValue.Param("algorithm", algorithm.token(), false));
            params.add(new AuthValue.Param("qop", "auth", true));
            if (stale) {
                params.add(new AuthValue.Param("stale", "true", false));
            }
            response.header(kind.challengeHeader(), AuthValue.digest(params).toString());
        }
        return response.build();
    }

    private AuthOutcome refuse(SipRequest request, AuthFailure reason, String detail) {
        SipResponse.Builder response = reason.status() == 400 && detail != null
                ? SipResponse.replyTo(request, 400, "Bad Request (" + detail + ")")
                : SipResponse.replyTo(request, reason.status());
        return new AuthOutcome.Rejected(reason, withToTag(request, response).build());
    }

    private boolean responseMatches(DigestCredentials digest, DigestAlgorithm algorithm, String method) {
        Optional<String> ha1 = credentials.find(digest.username()).flatMap(u -> u.ha1(algorithm, config.realm()));
        if (ha1.isEmpty()) {
            return false;
        }
        String expected = DigestComputation.response(algorithm, ha1.get(), digest.nonce(), digest.nc(),
                digest.cnonce(), digest.qop(), DigestComputation.ha2(algorithm, method, digest.uri()));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                digest.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean sameUri(String digestUri, Uri requestUri) {
        if (digestUri.equals(requestUri.toString())) {
            return true;
        }
        try {
            return Uri.parse(digestUri).equals(requestUri);
        } catch (SipParseException e) {
            return false;
        }
    }

    static SipResponse.Builder withToTag(SipRequest request, SipResponse.Builder response) {
        return request.to().tag().isPresent() ? response : response.to(request.to().withTag(SipIdGenerator.newTag()));
    }
}
