package io.voxplane.runtime.admin;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One MicroProfile Metrics gauge Voxplane publishes: its name, tags, description and the function
 * read at every scrape. Kept apart from the registry so that the set of gauges can be checked
 * without a metrics implementation.
 *
 * @param name        the metric name ({@code voxplane.tasks.active})
 * @param tags        the tags ({@code tracker=signaling}); may be empty
 * @param description what it counts, shown in /metrics
 * @param value       read at every scrape; must not block
 */
public record GaugeSpec(String name, Map<String, String> tags, String description, Supplier<Number> value) {

    public GaugeSpec {
        Objects.requireNonNull(name, "name");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
    }

    /** {@code name{k=v,...}}, for logs and tests. */
    public String id() {
        return tags.isEmpty() ? name : name + new java.util.TreeMap<>(tags);
    }
}
