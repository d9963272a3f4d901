package io.voxplane.stack.registrar;

import static io.voxplane.stack.registrar.RegisterRequests.register;
import static io.voxplane.stack.registrar.RegisterRequests.registerFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.auth.DigestAuthenticatorConfig;
import io.voxplane.stack.auth.DigestComputation;
import io.voxplane.stack.auth.InMemoryCredentialStore;
import io.voxplane.stack.timer.ManualTimerService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Authentication, authorization and registration together, as the standalone registrar runs them. */
class RegistrarTransactionUserTest {

    private final ManualTimerService timers = new ManualTimerService();
    private final RegistrarTransactionUser registrar = new RegistrarTransactionUser(
            new Registrar(RegistrarConfig.defaults(), new InMemoryLocationStore(), RegisterRequests.clockOf(timers)),
            Optional.of(new DigestAuthenticator(
                    DigestAuthenticatorConfig.builder("example.com",
                            "registrar-test-secret-0123456789".getBytes(StandardCharsets.US_ASCII)).build(),
                    InMemoryCredentialStore.fromProperties(Map.of("user.alice.password", "wonderland",
                            "user.bob.password", "builder")),
                    RegisterRequests.clockOf(timers))));

    @Test
    void challengedRegisterSucceedsWithTheRightPassword() {
        SipResponse challenge = registrar.answer(register("c1", 1, "Contact: <sip:alice@192.0.2.4>"));
        assertEquals(401, challenge.status());

        SipResponse ok = registrar.answer(register("c1", 2, "Contact: <sip:alice@192.0.2.4>",
                "Authorization: " + credentials(challenge.wwwAuthenticates().get(0), "alice", "wonderland")));
        assertEquals(200, ok.status());
        assertEquals(1, registrar.registrar().lookup("sip:alice@example.com").size());
        assertEquals(1, registrar.registered());
        assertEquals(1, registrar.rejected());
    }

    @Test
    void aUserMayNotRegisterSomeoneElsesAor() {
        SipResponse challenge = registrar.answer(register("c1", 1, "Contact: <sip:bob@192.0.2.4>"));
        SipResponse response = registrar.answer(register("c1", 2, "Contact: <sip:bob@192.0.2.4>",
                "Authorization: " + credentials(challenge.wwwAuthenticates().get(0), "bob", "builder")));
        assertEquals(403, response.status());
        assertEquals(0, registrar.registrar().lookup("sip:alice@example.com").size());
    }

    @Test
    void wrongPasswordIsRefusedWith403() {
        SipResponse challenge = registrar.answer(registerFor("sip:bob@example.com", "c1", 1, "Contact: <sip:bob@h>"));
        SipResponse response = registrar.answer(registerFor("sip:bob@example.com", "c1", 2, "Contact: <sip:bob@h>",
                "Authorization: " + credentials(challenge.wwwAuthenticates().get(1), "bob", "wrong")));
        assertEquals(403, response.status());
    }

    @Test
    void optionsIsAnsweredAndOtherMethodsGet405() {
        SipRequest options = RegisterRequests.parse(("OPTIONS sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "From: <sip:a@b>;tag=1\r\nTo: <sip:example.com>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, registrar.answer(options).status());
        SipRequest message = RegisterRequests.parse(("MESSAGE sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\r\n"
                + "From: <sip:a@b>;tag=1\r\nTo: <sip:example.com>\r\nCall-ID: m1\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        SipResponse response = registrar.answer(message);
        assertEquals(405, response.status());
        assertEquals("REGISTER, OPTIONS", response.header("Allow").orElseThrow());
    }

    private static String credentials(AuthValue challenge, String user, String password) {
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(challenge.parameter("algorithm").orElseThrow()).orElseThrow();
        String realm = challenge.realm().orElseThrow();
        String nonce = challenge.nonce().orElseThrow();
        String response = DigestComputation.response(algorithm, DigestComputation.ha1(algorithm, user, realm, password),
                nonce, "00000001", "abc", "auth", DigestComputation.ha2(algorithm, "REGISTER", "sip:example.com"));
        return AuthValue.digest(List.of(new AuthValue.Param("username", user, true),
                new AuthValue.Param("realm", realm, true), new AuthValue.Param("nonce", nonce, true),
                new AuthValue.Param("uri", "sip:example.com", true), new AuthValue.Param("response", response, true),
                new AuthValue.Param("algorithm", algorithm.token(), false), new AuthValue.Param("cnonce", "abc", true),
                new AuthValue.Param("qop", "auth", false), new AuthValue.Param("nc", "00000001", false))).toString();
    }
}
