package io.voxplane.pbx;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.UUID;

/** A real Hazelcast member on loopback (no discovery) as a CDI bean, standing in for Payara's. */
@ApplicationScoped
public class EmbeddedHazelcast {

    @Produces
    @ApplicationScoped
    HazelcastInstance member() {
        Config config = new Config().setClusterName("voxplane-pbx-test-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(0).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return Hazelcast.newHazelcastInstance(config);
    }

    void shutdown(@Disposes HazelcastInstance member) {
        member.shutdown();
    }
}
