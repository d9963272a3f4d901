package io.voxplane.stack.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Orders SRV records as RFC 2782 ("Usage rules") says a client tries them: by priority, lowest
 * first; within one priority by repeated weighted random choice. For each choice the remaining
 * records are listed with the zero-weight ones first, a number is drawn uniformly from 0 to the
 * sum of their weights inclusive, and the first record whose running weight sum reaches it is
 * taken and removed. A record of weight 0 is thus picked first only rarely.
 */
public final class SrvSelection {

    private SrvSelection() {
    }

    /** The records in the order to try them; the {@code random} draws decide among equal priorities. */
    public static List<SrvRecord> order(List<SrvRecord> records, RandomGenerator random) {
        TreeMap<Integer, List<SrvRecord>> byPriority = new TreeMap<>();
        for (SrvRecord record : records) {
            byPriority.computeIfAbsent(record.priority(), p -> new ArrayList<>()).add(record);
        }
        List<SrvRecord> ordered = new ArrayList<>(records.size());
        for (List<SrvRecord> group : byPriority.values()) {
            List<SrvRecord> remaining = new ArrayList<>(group);
            remaining.sort(Comparator.comparingInt(r -> r.weight() == 0 ? 0 : 1));
            while (!remaining.isEmpty()) {
                ordered.add(remaining.remove(pick(remaining, random)));
            }
        }
        return ordered;
    }

    private static int pick(List<SrvRecord> remaining, RandomGenerator random) {
        long total = 0;
        for (SrvRecord record : remaining) {
            total += record.weight();
        }
        long drawn = random.nextLong(total + 1);
        long running = 0;
        for (int i = 0; i < remaining.size(); i++) {
            running += remaining.get(i).weight();
            if (running >= drawn) {
                return i;
            }
        }
        return remaining.size() - 1;
    }
}
