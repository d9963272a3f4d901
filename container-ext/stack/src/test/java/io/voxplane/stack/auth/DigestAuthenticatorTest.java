package io.voxplane.stack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAuthenticatorTest {

    private static final String REALM = "example.com";
    private static final byte[] SECRET = "0123456789abcdef-test-only-secret".getBytes(StandardCharsets.US_ASCII);
    private static final String RURI = "sip:example.com";

    private final AtomicLong nowMillis = new AtomicLong(1_700_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());
    private final CredentialStore users = InMemoryCredentialStore.fromProperties(Map.of(
            "user.alice.password", "wonderland",
            "user.bob.ha1.SHA-256", DigestComputation.ha1(DigestAlgorithm.SHA_256, "bob", REALM, "builder"),
            "unrelated.key", "ignored"));
    private DigestAuthenticator authenticator = new DigestAuthenticator(
            DigestAuthenticatorConfig.builder(REALM, SECRET).build(), users, clock);

    @Test
    void registerWithoutCredentialsGets401WithSha256ThenMd5Challenges() {
        AuthOutcome outcome = authenticator.authenticate(request("REGISTER", RURI));

        SipResponse response = rejected(outcome, AuthFailure.NO_CREDENTIALS).response();
        assertEquals(401, response.status());
        assertTrue(response.to().tag().isPresent(), "a final response carries a To tag");
        List<AuthValue> challenges = response.wwwAuthenticates();
        assertEquals(2, challenges.size());
        assertEquals("SHA-256", challenges.get(0).parameter("algorithm").orElseThrow());
        assertEquals("MD5", challenges.get(1).parameter("algorithm").orElseThrow());
        for (AuthValue c : challenges) {
            assertEquals(REALM, c.realm().orElseThrow());
            assertEquals("auth", c.parameter("qop").orElseThrow());
            assertTrue(c.parameter("stale").isEmpty());
        }
        assertEquals(challenges.get(0).nonce(), challenges.get(1).nonce());
        assertTrue(response.proxyAuthenticates().isEmpty());
    }

    @Test
    void inviteWithoutCredentialsGets407WithProxyAuthenticate() {
        SipResponse response = rejected(authenticator.authenticate(request("INVITE", "sip:bob@example.com")),
                AuthFailure.NO_CREDENTIALS).response();
        assertEquals(407, response.status());
        assertEquals(2, response.proxyAuthenticates().size());
        assertTrue(response.wwwAuthenticates().isEmpty());
    }

    @Test
    void challengeKindIsConfigurablePerMethod() {
        authenticator = new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, SECRET)
                .kind("INVITE", ChallengeKind.SERVER).kind("register", ChallengeKind.PROXY).build(), users, clock);
        assertEquals(401, authenticator.challenge(request("INVITE", "sip:bob@example.com"), false).status());
        assertEquals(407, authenticator.challenge(request("REGISTER", RURI), false).status());
    }

    @Test
    void ackCancelAndOpenMethodsAreNotChallenged() {
        authenticator = new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, SECRET).open("OPTIONS").build(),
                users, clock);
        assertInstanceOf(AuthOutcome.Exempt.class, authenticator.authenticate(request("ACK", RURI)));
        assertInstanceOf(AuthOutcome.Exempt.class, authenticator.authenticate(request("CANCEL", RURI)));
        assertInstanceOf(AuthOutcome.Exempt.class, authenticator.authenticate(request("OPTIONS", RURI)));
    }

    @Test
    void correctSha256AnswerAuthenticates() {
        AuthOutcome outcome = answer("alice", "wonderland", 0, "00000001");
        assertEquals(new AuthOutcome.Authenticated("alice", DigestAlgorithm.SHA_256), outcome);
    }

    @Test
    void correctMd5AnswerAuthenticates() {
        AuthOutcome outcome = answer("alice", "wonderland", 1, "00000001");
        assertEquals(new AuthOutcome.Authenticated("alice", DigestAlgorithm.MD5), outcome);
    }

    @Test
    void storedHa1AuthenticatesWithoutAPassword() {
        assertEquals(new AuthOutcome.Authenticated("bob", DigestAlgorithm.SHA_256), answer("bob", "builder", 0, "00000001"));
    }

    @Test
    void userWithoutAnHa1ForTheChosenAlgorithmIsRefused() {
        rejected(answer("bob", "builder", 1, "00000001"), AuthFailure.FORBIDDEN);
    }

    @Test
    void wrongPasswordGets403() {
        SipResponse response = rejected(answer("alice", "guess", 0, "00000001"), AuthFailure.FORBIDDEN).response();
        assertEquals(403, response.status());
        assertTrue(response.wwwAuthenticates().isEmpty());
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertEquals(403, rejected(answer("mallory", "x", 0, "00000001"), AuthFailure.FORBIDDEN).response().status());
    }

    @Test
    void defaultEmptyStoreRefusesEveryone() {
        authenticator = new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, SECRET).build(),
                InMemoryCredentialStore.empty(), clock);
        rejected(answer("alice", "wonderland", 0, "00000001"), AuthFailure.FORBIDDEN);
    }

    @Test
    void credentialsForAnotherRealmAreIgnoredAndChallenged() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        AuthValue foreign = withParam(challenge, "realm", "other.org");
        String credentials = DigestClient.answer(foreign, "alice", "wonderland", "REGISTER", RURI, "00000001", "c1");
        SipResponse response = rejected(authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)),
                AuthFailure.NO_CREDENTIALS).response();
        assertEquals(401, response.status());
    }

    @Test
    void digestUriOtherThanTheRequestUriGets400() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", "sip:other.com",
                "00000001", "c1");
        SipResponse response = rejected(authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)),
                AuthFailure.URI_MISMATCH).response();
        assertEquals(400, response.status());
    }

    @Test
    void equivalentDigestUriIsAccepted() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", "sip:EXAMPLE.com",
                "00000001", "c1");
        assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "realm", "nonce", "uri", "response", "cnonce", "qop", "nc"})
    void missingDigestParameterGets400(String missing) {
        AuthValue full = parse(DigestClient.answer(challenge(request("REGISTER", RURI)).get(0), "alice", "wonderland",
                "REGISTER", RURI, "00000001", "c1"));
        List<AuthValue.Param> params = full.parameters().stream().filter(p -> !p.name().equals(missing)).toList();
        AuthOutcome outcome = authenticator.authenticate(
                request("REGISTER", RURI, "Authorization: " + AuthValue.digest(params)));
        if (missing.equals("realm")) {
            // without a realm the credentials are not for us: a new challenge (RFC 3261 s22.1)
            rejected(outcome, AuthFailure.NO_CREDENTIALS);
        } else {
            assertEquals(400, rejected(outcome, AuthFailure.MALFORMED).response().status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-int", "bogus"})
    void qopOtherThanAuthGets400(String qop) {
        AuthValue full = parse(DigestClient.answer(challenge(request("REGISTER", RURI)).get(0), "alice", "wonderland",
                "REGISTER", RURI, "00000001", "c1"));
        assertEquals(400, rejected(authenticator.authenticate(request("REGISTER", RURI,
                "Authorization: " + withParam(full, "qop", qop))), AuthFailure.MALFORMED).response().status());
    }

    @Test
    void malformedNonceCountGets400() {
        assertEquals(400, rejected(answer("alice", "wonderland", 0, "1"), AuthFailure.MALFORMED).response().status());
    }

    @Test
    void expiredNonceWithTheRightPasswordIsChallengedAsStale() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        nowMillis.addAndGet(DigestAuthenticatorConfig.DEFAULT_NONCE_TTL.toMillis() + 1);
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", RURI, "00000001", "c1");
        SipResponse response = rejected(authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)),
                AuthFailure.STALE_NONCE).response();
        assertEquals(401, response.status());
        assertEquals("true", response.wwwAuthenticates().get(0).parameter("stale").orElseThrow());
        assertNotEquals(challenge.nonce(), response.wwwAuthenticates().get(0).nonce(), "a fresh nonce");
    }

    @Test
    void expiredNonceWithAWrongPasswordIsChallengedWithoutStale() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        nowMillis.addAndGet(DigestAuthenticatorConfig.DEFAULT_NONCE_TTL.toMillis() + 1);
        String credentials = DigestClient.answer(challenge, "alice", "nope", "REGISTER", RURI, "00000001", "c1");
        SipResponse response = rejected(authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)),
                AuthFailure.UNKNOWN_NONCE).response();
        assertTrue(response.wwwAuthenticates().get(0).parameter("stale").isEmpty());
    }

    @Test
    void nonceIsAcceptedUntilItsTtl() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        nowMillis.addAndGet(DigestAuthenticatorConfig.DEFAULT_NONCE_TTL.toMillis());
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", RURI, "00000001", "c1");
        assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)));
    }

    @Test
    void sameNonceCountTwiceIsAReplay() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", RURI, "00000001", "c1");
        SipRequest request = request("REGISTER", RURI, "Authorization: " + credentials);
        assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(request));

        SipResponse response = rejected(authenticator.authenticate(request), AuthFailure.REPLAYED).response();
        assertEquals(401, response.status());
        assertEquals("true", response.wwwAuthenticates().get(0).parameter("stale").orElseThrow());
    }

    @Test
    void higherNonceCountOnTheSameNonceIsAccepted() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        for (String nc : List.of("00000001", "00000002", "0000000a")) {
            String credentials = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", RURI, nc, "c1");
            assertInstanceOf(AuthOutcome.Authenticated.class,
                    authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials)), nc);
        }
        String lower = DigestClient.answer(challenge, "alice", "wonderland", "REGISTER", RURI, "00000009", "c1");
        rejected(authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + lower)), AuthFailure.REPLAYED);
    }

    @Test
    void wrongPasswordDoesNotConsumeTheNonceCount() {
        AuthValue challenge = challenge(request("REGISTER", RURI)).get(0);
        answerWith(challenge, "alice", "guess", "00000001");
        assertInstanceOf(AuthOutcome.Authenticated.class, answerWith(challenge, "alice", "wonderland", "00000001"));
    }

    @Test
    void nonceFromAnotherSecretIsChallengedAsUnknown() {
        DigestAuthenticator other = new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM,
                "another-secret-of-16+bytes".getBytes(StandardCharsets.US_ASCII)).build(), users, clock);
        AuthValue challenge = challenge(other, request("REGISTER", RURI)).get(0);
        rejected(answerWith(challenge, "alice", "wonderland", "00000001"), AuthFailure.UNKNOWN_NONCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void forgedNonceIsChallengedWithoutStale(String nonce) {
        AuthValue challenge = withParam(challenge(request("REGISTER", RURI)).get(0), "nonce", nonce);
        SipResponse response = rejected(answerWith(challenge, "alice", "wonderland", "00000001"),
                AuthFailure.UNKNOWN_NONCE).response();
        assertTrue(response.wwwAuthenticates().get(0).parameter("stale").isEmpty());
    }

    @Test
    void unsupportedAlgorithmIsChallengedAgain() {
        AuthValue full = parse(DigestClient.answer(challenge(request("REGISTER", RURI)).get(0), "alice", "wonderland",
                "REGISTER", RURI, "00000001", "c1"));
        rejected(authenticator.authenticate(request("REGISTER", RURI,
                "Authorization: " + withParam(full, "algorithm", "MD5-sess"))), AuthFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void inviteReadsProxyAuthorizationNotAuthorization() {
        SipRequest invite = request("INVITE", "sip:bob@example.com");
        AuthValue challenge = challenge(invite).get(0);
        String credentials = DigestClient.answer(challenge, "alice", "wonderland", "INVITE", "sip:bob@example.com",
                "00000001", "c1");
        rejected(authenticator.authenticate(request("INVITE", "sip:bob@example.com", "Authorization: " + credentials)),
                AuthFailure.NO_CREDENTIALS);
        assertEquals(new AuthOutcome.Authenticated("alice", DigestAlgorithm.SHA_256), authenticator.authenticate(
                request("INVITE", "sip:bob@example.com", "Proxy-Authorization: " + credentials)));
    }

    @Test
    void md5OnlyConfigurationOffersOneChallenge() {
        authenticator = new DigestAuthenticator(DigestAuthenticatorConfig.builder(REALM, SECRET)
                .algorithms(List.of(DigestAlgorithm.MD5)).build(), users, clock);
        List<AuthValue> challenges = challenge(request("REGISTER", RURI));
        assertEquals(1, challenges.size());
        assertEquals("MD5", challenges.get(0).parameter("algorithm").orElseThrow());
        assertFalse(authenticator.authenticate(request("REGISTER", RURI, "Authorization: "
                + DigestClient.answer(withParam(challenges.get(0), "algorithm", "SHA-256"), "alice", "wonderland",
                "REGISTER", RURI, "00000001", "c"))) instanceof AuthOutcome.Authenticated);
    }

    @Test
    void shortSecretIsAConfigurationError() {
        AuthException e = org.junit.jupiter.api.Assertions.assertThrows(AuthException.class,
                () -> DigestAuthenticatorConfig.builder(REALM, new byte[8]).build());
        assertEquals(AuthException.BAD_CONFIGURATION, e.code());
    }

    private AuthOutcome answer(String user, String password, int challengeIndex, String nc) {
        return answerWith(challenge(request("REGISTER", RURI)).get(challengeIndex), user, password, nc);
    }

    private AuthOutcome answerWith(AuthValue challenge, String user, String password, String nc) {
        String credentials = DigestClient.answer(challenge, user, password, "REGISTER", RURI, nc, "0a4f113b");
        return authenticator.authenticate(request("REGISTER", RURI, "Authorization: " + credentials));
    }

    private List<AuthValue> challenge(SipRequest request) {
        return challenge(authenticator, request);
    }

    private static List<AuthValue> challenge(DigestAuthenticator authenticator, SipRequest request) {
        SipResponse response = authenticator.challenge(request, false);
        return response.status() == 401 ? response.wwwAuthenticates() : response.proxyAuthenticates();
    }

    private static AuthOutcome.Rejected rejected(AuthOutcome outcome, AuthFailure reason) {
        AuthOutcome.Rejected rejected = assertInstanceOf(AuthOutcome.Rejected.class, outcome);
        assertEquals(reason, rejected.reason(), rejected.response().toString());
        return rejected;
    }

    private static AuthValue withParam(AuthValue value, String name, String newValue) {
        return AuthValue.digest(value.parameters().stream()
                .map(p -> p.name().equals(name) ? new AuthValue.Param(name, newValue, p.quoted()) : p).toList());
    }

    private static AuthValue parse(String text) {
        return DigestClient.parse(text);
    }

    static SipRequest request(String method, String requestUri, String... extraHeaders) {
        StringBuilder text = new StringBuilder()
                .append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-auth-1\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:alice@example.com>;tag=a1\r\n")
                .append("To: <sip:alice@example.com>\r\n")
                .append("Call-ID: auth-test@127.0.0.1\r\n")
                .append("CSeq: 1 ").append(method).append("\r\n")
                .append("Contact: <sip:alice@127.0.0.1:5070>\r\n");
        for (String header : extraHeaders) {
            text.append(header).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        try {
            SipMessage message = SipParser.withDefaults().parse(text.toString().getBytes(StandardCharsets.UTF_8));
            return (SipRequest) message;
        } catch (SipParseException e) {
            throw new AssertionError("bad fixture request\n" + text, e);
        }
    }

}
