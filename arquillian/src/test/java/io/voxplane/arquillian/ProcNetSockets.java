package io.voxplane.arquillian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}):
 * which sockets of this machine have a given local port. Linux only, like the CI box.
 */
final class ProcNetSockets {

    /** TCP state TIME_WAIT in {@code /proc/net/tcp}: a closed connection the kernel still remembers. */
    private static final String TIME_WAIT = "06";

    private ProcNetSockets() {
    }

    /**
     * The sockets bound to local port {@code port}, other than TCP connections in TIME_WAIT, as
     * {@code "<table> <local address> state <st>"}; empty when nothing holds the port.
     */
    static List<String> holding(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        List<String> found = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc/net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String local = fields[1];
                String state = fields[3];
                if (local.endsWith(hexPort) && !(table.startsWith("tcp") && state.equals(TIME_WAIT))) {
                    found.add(table + " " + local + " state " + state);
                }
            }
        }
        return found;
    }
}
