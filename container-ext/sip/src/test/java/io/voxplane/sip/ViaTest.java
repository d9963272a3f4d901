package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViaTest {

    @Test
    void fullViaIsParsed() throws Exception {
        Via v = Via.parse("SIP/2.0/tcp [2001:db8::9:1]:5061;branch=z9hG4bKabc;received=192.0.2.1;rport=6000;maddr=x.example.com");
        assertEquals("TCP", v.transport());
        assertEquals("[2001:db8::9:1]", v.host());
        assertEquals(5061, v.port());
        assertEquals("[2001:db8::9:1]:5061", v.sentBy());
        assertTrue(v.hasRfc3261Branch());
        assertEquals("192.0.2.1", v.received().orElseThrow());
        assertTrue(v.hasRport());
        assertEquals(6000, v.rport().getAsInt());
        assertEquals("SIP/2.0/TCP [2001:db8::9:1]:5061;branch=z9hG4bKabc;received=192.0.2.1;rport=6000;maddr=x.example.com",
                v.toString());
    }

    @Test
    void ofAndWithersBuildTheWireForm() {
        Via v = Via.of("udp", "pc33.atlanta.example.com", 5060, "z9hG4bK776asdhds").withParameter("rport", null);
        assertEquals("SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport", v.toString());
        assertTrue(v.rport().isEmpty());
        Via answered = v.withReceived("192.0.2.101").withRport(49152);
        assertEquals("SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport=49152;received=192.0.2.101",
                answered.toString());
        assertEquals("SIP/2.0/UDP [::1];branch=z9hG4bKx", Via.of("UDP", "::1", -1, "z9hG4bKx").toString());
    }

    @Test
    void branchRules() throws Exception {
        assertFalse(Via.parse("SIP/2.0/UDP h;branch=z9hG4bK").hasRfc3261Branch());
        assertFalse(Via.parse("SIP/2.0/UDP h;branch=abc").hasRfc3261Branch());
        assertFalse(Via.parse("SIP/2.0/UDP h").hasRfc3261Branch());
        assertTrue(Via.parse("SIP/2.0/UDP h;branch=z9hG4bK1").hasRfc3261Branch());
    }

    @Test
    void whitespaceAroundSeparatorsIsAllowed() throws Exception {
        Via v = Via.parse("SIP / 2.0 / UDP   host.example.com : 5060 ; branch = z9hG4bK1 ; received = 10.0.0.1");
        assertEquals("host.example.com", v.host());
        assertEquals(5060, v.port());
        assertEquals("z9hG4bK1", v.branch().orElseThrow());
        assertEquals("10.0.0.1", v.received().orElseThrow());
    }

    @Test
    void commaListsSplit() throws Exception {
        List<Via> l = ValueParser.vias("SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com:5070");
        assertEquals(2, l.size());
        assertEquals("b.example.com", l.get(1).host());
        assertThrows(SipParseException.class, () -> Via.parse("SIP/2.0/UDP a, SIP/2.0/UDP b"));
    }

    @Test
    void malformedViasAreRejected() {
        for (String bad : new String[] {"SIP/3.0/UDP h", "XMPP/2.0/UDP h", "SIP/2.0 h", "SIP/2.0/UDP", "SIP/2.0/UDP h:",
            "SIP/2.0/UDP h:70000", "SIP/2.0/UDP h;", "SIP/2.0/UDP h;branch=", "SIP/2.0/UDP h,", "SIP/2.0/UDPh"}) {
            SipParseException e = assertThrows(SipParseException.class, () -> Via.parse(bad), bad);
            assertEquals(SipErrorCode.BAD_VIA, e.error(), bad);
        }
    }
}
