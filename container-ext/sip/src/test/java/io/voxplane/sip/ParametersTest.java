package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void namesAreCaseInsensitiveButKeptAsWritten() {
        Parameters p = Parameters.empty().with("Transport", "tcp").with("lr", null);
        assertEquals(Optional.of("tcp"), p.get("transport"));
        assertEquals(Optional.of(""), p.get("LR"));
        assertTrue(p.has("TRANSPORT"));
        assertEquals(List.of("Transport", "lr"), p.names());
        assertEquals(";Transport=tcp;lr", p.toString());
    }

    @Test
    void withReplacesInPlaceAndWithoutRemoves() {
        Parameters p = Parameters.empty().with("a", "1").with("b", "2").with("c", "3");
        assertEquals(";a=1;B=9;c=3", p.with("B", "9").toString());
        assertEquals(";a=1;c=3", p.without("b").toString());
        assertSame(p, p.without("zzz"));
        assertTrue(p.without("a").without("b").without("c").isEmpty());
        assertEquals("", Parameters.empty().toString());
        assertThrows(IllegalArgumentException.class, () -> p.with("", "x"));
    }

    @Test
    void equalityIgnoresNameCaseOnly() {
        Parameters a = Parameters.empty().with("tag", "X");
        assertEquals(a, Parameters.empty().with("TAG", "X"));
        assertEquals(a.hashCode(), Parameters.empty().with("TAG", "X").hashCode());
        assertNotEquals(a, Parameters.empty().with("tag", "x"));
        assertFalse(a.equals(Parameters.empty().with("tag", null)));
    }
}
