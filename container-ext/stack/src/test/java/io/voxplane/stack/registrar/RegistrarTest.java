package io.voxplane.stack.registrar;

import static io.voxplane.stack.registrar.RegisterRequests.EPOCH_MILLIS;
import static io.voxplane.stack.registrar.RegisterRequests.register;
import static io.voxplane.stack.registrar.RegisterRequests.registerFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.timer.ManualTimerService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 3261 s10.3 registrar behaviour on virtual time. */
class RegistrarTest {

    private final ManualTimerService timers = new ManualTimerService();
    private final InMemoryLocationStore store = new InMemoryLocationStore();
    private Registrar registrar = new Registrar(RegistrarConfig.defaults(), store, RegisterRequests.clockOf(timers));

    @Test
    void registersAContactForTheDefaultTimeAndListsIt() {
        SipResponse ok = registrar.register(register("c1", 1, "Contact: <sip:alice@192.0.2.4:5060>"));

        assertEquals(200, ok.status());
        assertTrue(ok.to().tag().isPresent());
        assertTrue(ok.header("Date").isPresent(), "s10.3 step 8: SHOULD include Date");
        assertEquals(List.of("<sip:alice@192.0.2.4:5060>;expires=3600"), contacts(ok));
        assertEquals(1, registrar.lookup(uri("sip:alice@example.com")).size());
    }

    @Test
    void contactExpiresParamWinsOverTheExpiresHeader() {
        SipResponse ok = registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>;expires=120",
                "Contact: <sip:b@192.0.2.4>", "Expires: 300"));
        assertEquals(List.of("<sip:a@192.0.2.4>;expires=120", "<sip:b@192.0.2.4>;expires=300"), sorted(contacts(ok)));
    }

    @Test
    void expiryBelowTheMinimumGets423WithMinExpiresAndChangesNothing() {
        SipResponse response = registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>;expires=30"));
        assertEquals(423, response.status());
        assertEquals("60", response.header("Min-Expires").orElseThrow());
        assertEquals(0, store.size());
    }

    @Test
    void expiryAboveTheMaximumIsShortened() {
        SipResponse ok = registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>", "Expires: 999999"));
        assertEquals(List.of("<sip:a@192.0.2.4>;expires=86400"), contacts(ok));
    }

    @Test
    void lookupOrdersContactsByQ() {
        registrar.register(register("c1", 1, "Contact: <sip:low@192.0.2.4>;q=0.1",
                "Contact: <sip:high@192.0.2.4>;q=0.9, <sip:mid@192.0.2.4>;q=0.5"));
        List<String> uris = registrar.lookup(uri("sip:alice@example.com")).stream().map(Binding::uri).toList();
        assertEquals(List.of("sip:high@192.0.2.4", "sip:mid@192.0.2.4", "sip:low@192.0.2.4"), uris);
        assertEquals("0.9", registrar.lookup("sip:alice@example.com").get(0).qValue());
    }

    @Test
    void refreshOfAnEquivalentUriUpdatesTheBindingInsteadOfAddingOne() {
        registrar.register(register("c1", 1, "Contact: <sip:alice@HOST.example.net>", "Expires: 100"));
        timers.advance(Duration.ofSeconds(50));
        SipResponse ok = registrar.register(register("c1", 2, "Contact: <sip:alice@host.example.net>", "Expires: 200"));
        assertEquals(List.of("<sip:alice@host.example.net>;expires=200"), contacts(ok));
    }

    @Test
    void remainingExpiresCountsDownOnTheClock() {
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>", "Expires: 600"));
        timers.advance(Duration.ofSeconds(100));
        assertEquals(List.of("<sip:a@192.0.2.4>;expires=500"), contacts(registrar.register(register("c1", 2))));
    }

    @Test
    void expiresZeroRemovesOneBinding() {
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>, <sip:b@192.0.2.4>"));
        SipResponse ok = registrar.register(register("c1", 2, "Contact: <sip:a@192.0.2.4>;expires=0"));
        assertEquals(List.of("<sip:b@192.0.2.4>;expires=3600"), contacts(ok));
    }

    @Test
    void wildcardWithExpiresZeroRemovesEveryBinding() {
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>"));
        registrar.register(register("other-phone", 7, "Contact: <sip:b@192.0.2.4>"));
        SipResponse ok = registrar.register(register("c1", 2, "Contact: *", "Expires: 0"));
        assertEquals(200, ok.status());
        assertEquals(List.of(), contacts(ok));
        assertEquals(0, store.size());
    }

    @Test
    void wildcardWithoutExpiresZeroGets400() {
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>"));
        assertEquals(400, registrar.register(register("c1", 2, "Contact: *", "Expires: 10")).status());
        assertEquals(400, registrar.register(register("c1", 3, "Contact: *")).status());
        assertEquals(1, registrar.lookup("sip:alice@example.com").size());
    }

    @Test
    void sameCallIdWithoutAHigherCSeqFailsAndChangesNothing() {
        registrar.register(register("c1", 5, "Contact: <sip:a@192.0.2.4>", "Expires: 100"));
        for (long cseq : new long[] {5, 4}) {
            SipResponse response = registrar.register(register("c1", cseq, "Contact: <sip:a@192.0.2.4>;expires=0",
                    "Contact: <sip:new@192.0.2.4>"));
            assertEquals(500, response.status(), "CSeq " + cseq);
        }
        assertEquals(List.of("sip:a@192.0.2.4"), registrar.lookup("sip:alice@example.com").stream().map(Binding::uri).toList());
        assertEquals(500, registrar.register(register("c1", 5, "Contact: *", "Expires: 0")).status());
    }

    @Test
    void anotherCallIdUpdatesWhateverItsCSeq() {
        registrar.register(register("c1", 50, "Contact: <sip:a@192.0.2.4>"));
        SipResponse ok = registrar.register(register("c2", 1, "Contact: <sip:a@192.0.2.4>", "Expires: 120"));
        assertEquals(List.of("<sip:a@192.0.2.4>;expires=120"), contacts(ok));
        assertEquals("c2", registrar.lookup("sip:alice@example.com").get(0).callId());
    }

    @Test
    void registerWithoutContactFetchesTheBindings() {
        assertEquals(List.of(), contacts(registrar.register(register("c1", 1))));
        registrar.register(register("c1", 2, "Contact: <sip:a@192.0.2.4>;q=0.5;+sip.instance=\"<urn:x>\""));
        SipResponse fetched = registrar.register(register("c9", 1));
        assertEquals(List.of("<sip:a@192.0.2.4>;q=0.5;+sip.instance=\"<urn:x>\";expires=3600"), contacts(fetched));
    }

    @Test
    void moreBindingsThanTheLimitGet403AndChangeNothing() {
        registrar = new Registrar(RegistrarConfig.defaults().withMaxBindingsPerAor(2), store, RegisterRequests.clockOf(timers));
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>, <sip:b@192.0.2.4>"));
        assertEquals(403, registrar.register(register("c2", 1, "Contact: <sip:c@192.0.2.4>")).status());
        assertEquals(2, registrar.lookup("sip:alice@example.com").size());
        assertEquals(200, registrar.register(register("c1", 2, "Contact: <sip:a@192.0.2.4>;expires=0",
                "Contact: <sip:c@192.0.2.4>")).status(), "a swap within the limit is fine");
    }

    @Test
    void canonicalAorDropsUriParametersAndEscapes() {
        registrar.register(registerFor("sip:%61lice@EXAMPLE.com;user=phone", "c1", 1, "Contact: <sip:a@192.0.2.4>"));
        assertEquals(1, registrar.lookup(uri("sip:alice@example.com")).size());
        assertEquals(0, registrar.lookup(uri("sips:alice@example.com")).size(), "sips is another AOR");
    }

    @Test
    void nonSipToGets400() {
        SipResponse response = registrar.register(RegisterRequests.rfc4475("unksm2"));
        assertEquals(400, response.status(), "RFC 4475 s3.3.15: the To of a REGISTER must be sip or sips");
        assertEquals(0, store.size());
    }

    @Test
    void badQGets400() {
        assertEquals(400, registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>;q=1.5")).status());
        assertEquals(400, registrar.register(register("c1", 2, "Contact: <sip:a@192.0.2.4>;q=high")).status());
        assertEquals(200, registrar.register(register("c1", 3, "Contact: <sip:a@192.0.2.4>;q=1.000")).status());
    }

    @Test
    void foreignDomainGets404AndUnknownRequireGets420() {
        registrar = new Registrar(RegistrarConfig.defaults().withDomains(Set.of("example.org")), store,
                RegisterRequests.clockOf(timers));
        assertEquals(404, registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>")).status());

        registrar = new Registrar(RegistrarConfig.defaults(), store, RegisterRequests.clockOf(timers));
        SipResponse response = registrar.register(register("c1", 2, "Contact: <sip:a@192.0.2.4>", "Require: gruu"));
        assertEquals(420, response.status());
        assertEquals(List.of("gruu"), response.headerValues("Unsupported"));
    }

    @Test
    void expiredBindingsLeaveLookupsAtOnceAndTheStoreAtTheNextSweep() {
        RegistrationSweeper sweeper = new RegistrationSweeper(store, timers, RegisterRequests.clockOf(timers),
                Duration.ofSeconds(30));
        sweeper.start();
        registrar.register(register("c1", 1, "Contact: <sip:short@192.0.2.4>;expires=60",
                "Contact: <sip:long@192.0.2.4>;expires=3600"));

        timers.advance(Duration.ofSeconds(60));
        assertEquals(List.of("sip:long@192.0.2.4"),
                registrar.lookup("sip:alice@example.com").stream().map(Binding::uri).toList());
        assertEquals(1, sweeper.removedBindings(), "the sweep at 60 s removed the expired binding");

        timers.advance(Duration.ofSeconds(3600));
        assertEquals(0, store.size());
        assertEquals(2, sweeper.removedBindings());

        sweeper.stop();
        assertEquals(0, timers.pendingCount(), "stop leaves nothing scheduled");
        long sweeps = sweeper.sweeps();
        timers.advance(Duration.ofMinutes(10));
        assertEquals(sweeps, sweeper.sweeps());
    }

    @Test
    void rfc4475Cparam01KeepsUnknownparamAsAContactHeaderParameter() {
        SipResponse ok = registrar.register(RegisterRequests.rfc4475("cparam01"));
        assertEquals(200, ok.status());
        Binding binding = registrar.lookup("sip:watson@example.com").get(0);
        assertEquals("sip:+19725552222@gw1.example.net", binding.uri());
        Address contact = binding.contactAddress();
        assertTrue(contact.parameters().has("unknownparam"));
        assertTrue(((SipUri) contact.uri()).parameters().isEmpty());
        assertEquals(List.of("<sip:+19725552222@gw1.example.net>;unknownparam;expires=3600"), contacts(ok));
    }

    @Test
    void rfc4475Cparam02KeepsUnknownparamAsAUriParameter() {
        SipResponse ok = registrar.register(RegisterRequests.rfc4475("cparam02"));
        assertEquals(200, ok.status());
        Binding binding = registrar.lookup("sip:watson@example.com").get(0);
        assertEquals("sip:+19725552222@gw1.example.net;unknownparam", binding.uri());
        assertTrue(binding.contactAddress().parameters().isEmpty());
        assertEquals(List.of("<sip:+19725552222@gw1.example.net;unknownparam>;expires=3600"), contacts(ok));
    }

    @Test
    void rfc4475RegescrtKeepsTheEscapedRouteInTheContactUri() {
        SipResponse ok = registrar.register(RegisterRequests.rfc4475("regescrt"));
        assertEquals(200, ok.status());
        Binding binding = registrar.lookup("sip:user@example.com").get(0);
        assertEquals("sip:user@example.com?Route=%3Csip:sip.example.com%3E", binding.uri());
        assertEquals("%3Csip:sip.example.com%3E", ((SipUri) binding.contactAddress().uri()).headers().get("Route").orElseThrow());
        assertEquals(List.of("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>;expires=3600"), contacts(ok));
    }

    @Test
    void bindingTimesAreWallClockMillis() {
        registrar.register(register("c1", 1, "Contact: <sip:a@192.0.2.4>", "Expires: 60"));
        Binding b = registrar.lookup("sip:alice@example.com").get(0);
        assertEquals(EPOCH_MILLIS, b.updatedAtMillis());
        assertEquals(EPOCH_MILLIS + 60_000, b.expiresAtMillis());
    }

    private static List<String> contacts(SipResponse response) {
        return response.headerValues("Contact");
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static SipUri uri(String text) {
        try {
            return SipUri.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(e);
        }
    }
}
