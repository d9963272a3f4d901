package io.voxplane.stack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryCredentialStoreTest {

    @Test
    void defaultStoreKnowsNobody() {
        assertEquals(0, InMemoryCredentialStore.empty().size());
        assertTrue(InMemoryCredentialStore.empty().find("admin").isEmpty());
    }

    @Test
    void readsPasswordsAndHa1FromProperties() {
        String ha1 = DigestComputation.ha1(DigestAlgorithm.MD5, "bob", "r", "pw");
        InMemoryCredentialStore store = InMemoryCredentialStore.fromProperties(Map.of(
                "user.alice.password", "secret", "user.bob.ha1.md5", ha1.toUpperCase(), "realm", "r"));
        assertEquals(2, store.size());
        assertEquals(DigestComputation.ha1(DigestAlgorithm.SHA_256, "alice", "r", "secret"),
                store.find("alice").orElseThrow().ha1(DigestAlgorithm.SHA_256, "r").orElseThrow());
        assertEquals(ha1, store.find("bob").orElseThrow().ha1(DigestAlgorithm.MD5, "r").orElseThrow());
        assertTrue(store.find("bob").orElseThrow().ha1(DigestAlgorithm.SHA_256, "r").isEmpty());
    }

    @Test
    void badEntriesAreConfigurationErrors() {
        for (Map<String, String> bad : java.util.List.of(Map.of("user.x.ha1.SHA-1", "00"), Map.of("user.x.ha1.MD5", "00"),
                Map.of("user.x.pin", "1"), Map.of("user.x", "1"))) {
            assertEquals(AuthException.BAD_CONFIGURATION,
                    assertThrows(AuthException.class, () -> InMemoryCredentialStore.fromProperties(bad)).code(), bad.toString());
        }
    }

    @Test
    void passwordsDoNotAppearInToString() {
        assertTrue(!UserCredentials.withPassword("a", "hunter2").toString().contains("hunter2"));
    }
}
