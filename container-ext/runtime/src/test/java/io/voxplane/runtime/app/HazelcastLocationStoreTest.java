package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.voxplane.stack.registrar.BindingChange;
import io.voxplane.stack.registrar.ContactChange;
import io.voxplane.stack.registrar.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The IMap-backed location store on a real embedded Hazelcast member (loopback, no discovery). */
@Timeout(60)
class HazelcastLocationStoreTest {

    private static HazelcastInstance member;

    @BeforeAll
    static void startMember() {
        Config config = new Config().setClusterName("voxplane-test-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(0).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        member = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopMember() {
        if (member != null) {
            member.shutdown();
        }
    }

    private static BindingChange add(String aor, String contactUri, long cseq, long now) {
        return new BindingChange(aor, "call-" + contactUri, cseq,
                List.of(new ContactChange("<" + contactUri + ">", contactUri, 1000, 3600)), false, now, 100);
    }

    @Test
    void concurrentRegistersForOneAorKeepEveryBinding() throws Exception {
        HazelcastLocationStore store = new HazelcastLocationStore(member.getMap("locations-" + UUID.randomUUID()));
        long now = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String contact = "sip:alice@127.0.0.1:" + (6000 + i);
                done.add(pool.submit(() -> store.update("sip:alice@example.com", add("sip:alice@example.com", contact, 1, now))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Registration stored = store.find("sip:alice@example.com").orElseThrow();
        assertEquals(20, stored.bindings().size(), "no REGISTER lost another's binding");
        assertEquals(1, store.size());
    }

    @Test
    void expiredBindingsAreSweptAndEmptyAorsRemoved() {
        HazelcastLocationStore store = new HazelcastLocationStore(member.getMap("locations-" + UUID.randomUUID()));
        long now = 1_000_000L;
        store.update("sip:bob@example.com", add("sip:bob@example.com", "sip:bob@127.0.0.1:7000", 1, now));
        assertEquals(0, store.removeExpired(now + 1000), "still live");
        assertEquals(1, store.removeExpired(now + 3_601_000L));
        assertTrue(store.find("sip:bob@example.com").isEmpty());
        assertEquals(0, store.size());
    }
}
