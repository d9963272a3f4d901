package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.stack.registrar.Binding;
import io.voxplane.stack.registrar.Registration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationCodecTest {

    private static final Registration ALICE = new Registration("sip:alice@example.com", List.of(
            new Binding("<sip:alice@192.0.2.1:5060>;expires=3600", "sip:alice@192.0.2.1:5060", 1000, "call-1@x",
                    7, 1_800_000_000_000L, 1_799_999_000_000L),
            new Binding("\"Alïce desk\" <sip:alice@[2001:db8::1]>", "sip:alice@[2001:db8::1]", 500, "call-2@y",
                    Long.MAX_VALUE, 0, -1)));

    @Test
    void aRegistrationComesBackEqualAfterEncoding() {
        assertEquals(ALICE, RegistrationCodec.decode(RegistrationCodec.encode(ALICE)));
    }

    @Test
    void equalRegistrationsEncodeToEqualBytesSoCompareAndSetMatches() {
        Registration copy = new Registration(ALICE.aor(), List.copyOf(ALICE.bindings()));
        assertTrue(Arrays.equals(RegistrationCodec.encode(ALICE), RegistrationCodec.encode(copy)));
    }

    @Test
    void noBytesMeanNoRegistration() {
        assertNull(RegistrationCodec.decode(null));
    }

    @Test
    void anotherFormatVersionIsRefusedWithTheLocationStoreCode() {
        byte[] bytes = RegistrationCodec.encode(ALICE);
        bytes[0] = 9;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RegistrationCodec.decode(bytes));
        assertTrue(e.getMessage().startsWith(AppCodes.BAD_LOCATION_STORE), e.getMessage());
    }

    @Test
    void aTruncatedEntryIsRefusedNotMisread() {
        byte[] bytes = RegistrationCodec.encode(ALICE);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(IllegalStateException.class, () -> RegistrationCodec.decode(truncated), "cut at " + cut);
        }
    }
}
