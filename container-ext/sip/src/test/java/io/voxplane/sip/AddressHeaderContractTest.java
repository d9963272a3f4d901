package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract every name-addr header (s20.10, s25.1) must meet, whichever header carries it: each
 * subclass says how to put a value in a message and how to read it back.
 */
abstract class AddressHeaderContractTest {

    /** The header name under test, as written on the wire. */
    abstract String headerName();

    /** Reads the parsed values of this header from a message. */
    abstract List<Address> read(SipMessage m);

    /** Whether the header may carry a comma-separated list (Contact, Route, Record-Route). */
    boolean isList() {
        return true;
    }

    private static final String BASE = """
            OPTIONS sip:a@example.com SIP/2.0
            Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
            CSeq: 1 OPTIONS
            Call-ID: contract@h.example.com
            """;

    SipMessage parseWith(String value) throws SipParseException {
        StringBuilder sb = new StringBuilder(BASE);
        if (!HeaderNames.same(headerName(), "From")) {
            sb.append("From: <sip:f@example.com>;tag=1\n");
        }
        if (!HeaderNames.same(headerName(), "To")) {
            sb.append("To: <sip:t@example.com>\n");
        }
        sb.append(headerName()).append(": ").append(value).append("\nContent-Length: 0\n\n");
        return SipParser.withDefaults().parse(Fixtures.crlf(sb.toString()));
    }

    private Address one(String value) throws SipParseException {
        List<Address> l = read(parseWith(value));
        assertEquals(1, l.size(), value);
        return l.get(0);
    }

    @Test
    void quotedDisplayNameIsUnescaped() throws Exception {
        Address a = one("\"Alice \\\"A\\\" Smith\" <sip:alice@example.com>;x=1");
        assertEquals("Alice \"A\" Smith", a.displayName());
        assertEquals("sip:alice@example.com", a.uri().toString());
        assertEquals("1", a.parameters().get("x").orElseThrow());
        assertEquals("\"Alice \\\"A\\\" Smith\" <sip:alice@example.com>;x=1", a.toString());
    }

    @Test
    void tokenDisplayNameWithSpacesIsKept() throws Exception {
        assertEquals("Alice Smith", one("Alice   Smith <sip:alice@example.com>").displayName());
    }

    @Test
    void addrSpecParametersBelongToTheHeader() throws Exception {
        Address a = one("sip:alice@example.com;tag=abc");
        assertNull(a.displayName());
        assertTrue(((SipUri) a.uri()).parameters().isEmpty());
        assertEquals("abc", a.parameters().get("tag").orElseThrow());
    }

    @Test
    void uriParametersInsideBracketsStayInTheUri() throws Exception {
        Address a = one("<sip:alice@example.com;lr;transport=tcp>;tag=x");
        assertTrue(((SipUri) a.uri()).lr());
        assertEquals("x", a.tag().orElseThrow());
    }

    @Test
    void ipv6HostIsAccepted() throws Exception {
        assertEquals("[2001:db8::1]", ((SipUri) one("<sip:alice@[2001:db8::1]:5060>").uri()).host());
    }

    @Test
    void quotedParameterValueWithCommaAndSemicolonIsOneValue() throws Exception {
        Address a = one("<sip:alice@example.com>;+sip.instance=\"<urn:uuid:1;2,3>\";q=0.5");
        assertEquals("\"<urn:uuid:1;2,3>\"", a.parameters().get("+sip.instance").orElseThrow());
        assertEquals("0.5", a.parameters().get("q").orElseThrow());
    }

    @Test
    void commaListSplitsOutsideQuotesAndBrackets() throws Exception {
        if (!isList()) {
            assertThrows(SipParseException.class, () -> parseWith("<sip:a@example.com>, <sip:b@example.com>"));
            return;
        }
        List<Address> l = read(parseWith("\"Doe, John\" <sip:a,b@example.com;x=1>, sip:b@example.com;p=1 , <sip:c@example.com>"));
        assertEquals(3, l.size());
        assertEquals("Doe, John", l.get(0).displayName());
        assertEquals("a,b", ((SipUri) l.get(0).uri()).user());
        assertEquals("1", l.get(1).parameters().get("p").orElseThrow());
        assertEquals("sip:c@example.com", l.get(2).uri().toString());
    }

    @Test
    void malformedValuesAreRejectedWith400() {
        for (String bad : new String[] {"<sip:a@example.com", "\"open <sip:a@example.com>", "<>", "Bob, Al <sip:a@b.com>",
            "<sip:a@example.com>;;x", "<sip:a@example.com>;x=", "sip:a@example.com?h=v"}) {
            SipParseException e = assertThrows(SipParseException.class, () -> parseWith(bad), bad);
            assertEquals(400, e.statusCode(), bad);
        }
    }

    @Test
    void valueSurvivesSerialisation() throws Exception {
        SipMessage m = parseWith("\"X\" <sip:x@example.com;lr>;p=\"q v\"");
        SipMessage again = SipParser.withDefaults().parse(m.toBytes());
        assertEquals(read(m), read(again));
    }

    static final class FromTest extends AddressHeaderContractTest {
        String headerName() {
            return "From";
        }

        List<Address> read(SipMessage m) {
            return List.of(m.from());
        }

        boolean isList() {
            return false;
        }
    }

    static final class ToCompactTest extends AddressHeaderContractTest {
        String headerName() {
            return "t";
        }

        List<Address> read(SipMessage m) {
            return List.of(m.to());
        }

        boolean isList() {
            return false;
        }
    }

    static final class ContactTest extends AddressHeaderContractTest {
        String headerName() {
            return "m";
        }

        List<Address> read(SipMessage m) {
            return m.contacts();
        }
    }

    static final class RouteTest extends AddressHeaderContractTest {
        String headerName() {
            return "Route";
        }

        List<Address> read(SipMessage m) {
            return m.routes();
        }
    }

    static final class RecordRouteTest extends AddressHeaderContractTest {
        String headerName() {
            return "Record-Route";
        }

        List<Address> read(SipMessage m) {
            return m.recordRoutes();
        }
    }
}
