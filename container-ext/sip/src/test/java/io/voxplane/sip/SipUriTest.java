package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SipUriTest {

    @Test
    void allPartsAreParsed() throws Exception {
        SipUri u = SipUri.parse("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");
        assertTrue(u.secure());
        assertEquals("sips", u.scheme());
        assertEquals("alice", u.user());
        assertEquals("secret", u.password());
        assertEquals("atlanta.example.com", u.host());
        assertEquals(5061, u.port());
        assertEquals("tcp", u.transport().orElseThrow());
        assertTrue(u.lr());
        assertEquals("239.255.255.1", u.maddr().orElseThrow());
        assertEquals("project%20x", u.headers().get("subject").orElseThrow());
        assertEquals("urgent", u.headers().get("priority").orElseThrow());
        assertEquals("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1"
                + "?subject=project%20x&priority=urgent", u.toString());
    }

    @Test
    void schemeIsCaseInsensitiveAndHostlessUriIsRefused() throws Exception {
        assertEquals("sip:a@example.com", Uri.parse("SIP:a@example.com").toString());
        assertThrows(SipParseException.class, () -> Uri.parse("sip:"));
        assertThrows(SipParseException.class, () -> Uri.parse("sip:@example.com"));
        assertThrows(SipParseException.class, () -> Uri.parse("sip:a@example.com:99999"));
        assertThrows(SipParseException.class, () -> Uri.parse("sip:a@example.com;=x"));
        assertThrows(SipParseException.class, () -> Uri.parse("sip:a%4@example.com"));
        assertThrows(SipParseException.class, () -> Uri.parse("sip:a b@example.com"));
        assertThrows(SipParseException.class, () -> Uri.parse("1sip:a@example.com"));
        assertThrows(SipParseException.class, () -> Uri.parse("noscheme"));
    }

    @Test
    void ipv6ReferencesKeepBracketsEverywhere() throws Exception {
        SipUri u = SipUri.parse("sip:[2001:db8::10]:5070;maddr=[2001:db8::1]");
        assertEquals("[2001:db8::10]", u.host());
        assertEquals(5070, u.port());
        assertEquals("[2001:db8::1]", u.maddr().orElseThrow());
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:[2001:db8::10"));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:[]"));
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:[zz::1]"));
        assertEquals("[2001:db8::1]", SipUri.builder().host("2001:db8::1").build().host());
    }

    @Test
    void equalityFollowsSection19_1_4() throws Exception {
        // s19.1.4 examples of equivalent URIs
        assertEquals(SipUri.parse("sip:%61lice@atlanta.com;transport=TCP"),
                SipUri.parse("sip:alice@AtLanTa.CoM;Transport=tcp"));
        assertEquals(SipUri.parse("sip:carol@chicago.com"),
                SipUri.parse("sip:carol@chicago.com;newparam=5"));
        assertEquals(SipUri.parse("sip:carol@chicago.com;security=on"),
                SipUri.parse("sip:carol@chicago.com;newparam=5"));
        assertEquals(SipUri.parse("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"),
                SipUri.parse("sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"));
        assertEquals(SipUri.parse("sip:alice@atlanta.com?subject=project%20x&priority=urgent"),
                SipUri.parse("sip:alice@atlanta.com?priority=urgent&subject=project%20x"));
        // and the non-equivalent ones
        assertNotEquals(SipUri.parse("SIP:ALICE@AtLanTa.CoM;Transport=udp"), SipUri.parse("sip:alice@AtLanTa.CoM;Transport=UDP"));
        assertNotEquals(SipUri.parse("sip:bob@biloxi.com"), SipUri.parse("sip:bob@biloxi.com:5060"));
        assertNotEquals(SipUri.parse("sip:bob@biloxi.com"), SipUri.parse("sip:bob@biloxi.com;transport=udp"));
        assertNotEquals(SipUri.parse("sip:bob@biloxi.com"), SipUri.parse("sip:bob@biloxi.com:6000;transport=tcp"));
        assertNotEquals(SipUri.parse("sip:carol@chicago.com"), SipUri.parse("sip:carol@chicago.com?Subject=next%20meeting"));
        assertNotEquals(SipUri.parse("sip:bob@phone21.boxesbybob.com"), SipUri.parse("sip:bob@192.0.2.4"));
        assertNotEquals(SipUri.parse("sip:carol@chicago.com;security=on"), SipUri.parse("sip:carol@chicago.com;security=off"));
        assertNotEquals(SipUri.parse("sips:a@b.com"), SipUri.parse("sip:a@b.com"));
        assertEquals(SipUri.parse("sip:%61lice@atlanta.com").hashCode(), SipUri.parse("sip:alice@ATLANTA.com").hashCode());
    }

    @Test
    void withersAndBuilderProduceWireForm() throws Exception {
        SipUri u = SipUri.builder().scheme("sip").user("bob").host("biloxi.example.com").port(5080)
                .parameter("transport", "tcp").parameter("lr", null).build();
        assertEquals("sip:bob@biloxi.example.com:5080;transport=tcp;lr", u.toString());
        assertEquals("sip:bob@biloxi.example.com:5080;transport=udp;lr", u.withParameter("transport", "udp").toString());
        assertEquals("sip:bob@biloxi.example.com:5080;lr", u.withoutParameter("transport").toString());
        assertEquals(u, SipUri.parse(u.toString()));
        assertThrows(IllegalArgumentException.class, () -> SipUri.builder().scheme("http"));
        assertThrows(IllegalStateException.class, () -> SipUri.builder().build());
        assertThrows(IllegalArgumentException.class, () -> SipUri.builder().host("bad host"));
    }

    @Test
    void userWithoutPasswordAndNoUserAtAll() throws Exception {
        SipUri u = SipUri.parse("sip:example.com");
        assertNull(u.user());
        assertNull(u.password());
        assertEquals(-1, u.port());
        assertFalse(u.lr());
    }

    @Test
    void telAndAbsoluteUrisAreTyped() throws Exception {
        TelUri t = assertInstanceOf(TelUri.class, Uri.parse("tel:+1-201-555-0123;phone-context=example.com"));
        assertTrue(t.global());
        assertEquals("+1-201-555-0123", t.number());
        assertEquals("example.com", t.parameters().get("phone-context").orElseThrow());
        assertEquals("tel:+1-201-555-0123;phone-context=example.com", t.toString());
        assertEquals(TelUri.parse("tel:+12015550123;phone-context=example.com"), t);
        assertThrows(SipParseException.class, () -> Uri.parse("tel:"));
        AbsoluteUri m = assertInstanceOf(AbsoluteUri.class, Uri.parse("mailto:alice@example.com"));
        assertEquals("mailto", m.scheme());
        assertEquals("alice@example.com", m.schemeSpecificPart());
        assertEquals("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                Uri.parse("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6").toString());
        assertThrows(SipParseException.class, () -> Uri.parse("http://a b"));
    }
}
