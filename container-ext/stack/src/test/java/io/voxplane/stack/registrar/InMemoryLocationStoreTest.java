package io.voxplane.stack.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InMemoryLocationStoreTest {

    private static final String AOR = "sip:alice@example.com";
    private final InMemoryLocationStore store = new InMemoryLocationStore();

    @Test
    @Timeout(30)
    void concurrentUpdatesOfOneAorLoseNoBinding() throws Exception {
        int writers = 4;
        int perWriter = 200;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        store.update(AOR, change("call-" + writer + "-" + i, 1, "sip:w" + writer + "i" + i + "@h", 3600));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * perWriter, store.find(AOR).orElseThrow().bindings().size());
    }

    @Test
    void abortedUpdateLeavesTheStoredValue() {
        store.update(AOR, change("c", 5, "sip:a@h", 3600));
        Registration before = store.find(AOR).orElseThrow();
        assertThrows(RegistrarException.class, () -> store.update(AOR, change("c", 5, "sip:a@h", 60)));
        assertEquals(before, store.find(AOR).orElseThrow());
    }

    @Test
    void removingTheLastBindingRemovesTheAor() {
        store.update(AOR, change("c", 1, "sip:a@h", 3600));
        assertNull(store.update(AOR, change("c", 2, "sip:a@h", 0)));
        assertEquals(0, store.size());
    }

    @Test
    void removeExpiredCountsAndDropsEmptyAors() {
        store.update(AOR, change("c", 1, "sip:a@h", 10));
        store.update("sip:bob@example.com", change("d", 1, "sip:b@h", 100));
        assertEquals(1, store.removeExpired(10_000));
        assertEquals(1, store.size());
    }

    @Test
    void registrationsAndUpdatesSurviveJavaSerialization() throws Exception {
        store.update(AOR, change("c", 1, "sip:a@h", 3600));
        Registration registration = store.find(AOR).orElseThrow();
        assertEquals(registration, roundTrip(registration));
        BindingChange change = change("c", 2, "sip:b@h", 60);
        assertEquals(change, roundTrip(change));
    }

    private static BindingChange change(String callId, long cseq, String uri, long expires) {
        return new BindingChange(AOR, callId, cseq, List.of(new ContactChange("<" + uri + ">", uri, Binding.DEFAULT_Q, expires)),
                false, 0, 10_000);
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
