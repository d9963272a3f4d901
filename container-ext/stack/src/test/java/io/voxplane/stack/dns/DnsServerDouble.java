package io.voxplane.stack.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server test double on a loopback UDP socket: answers A, AAAA and SRV queries from a
 * table, NODATA (no answer, RCODE 0) for a known name asked for another type, NXDOMAIN (RCODE
 * 3) for an unknown name. A name with a CNAME is answered as a recursive server does: the CNAME
 * and then the records of its target. Counts every query it receives. {@link #silent()} makes it drop every
 * query, as a dead server would.
 *
 * <p>Wire format per RFC 1035 s4.1: a 12-byte header (ID, flags, four counts), the question
 * (labels, QTYPE, QCLASS) copied from the query, then each answer as a pointer to the question's
 * name (0xC00C), TYPE, CLASS IN, TTL, RDLENGTH and RDATA (4 bytes for A, 16 for AAAA, priority,
 * weight, port and an uncompressed target name for SRV, RFC 2782).
 *
 * <p>Public for the runtime's tests (stack test-jar).
 */
public final class DnsServerDouble implements AutoCloseable {

    private static final int TYPE_A = 1;
    private static final int TYPE_AAAA = 28;
    private static final int TYPE_SRV = 33;
    private static final int TYPE_CNAME = 5;
    private static final int CLASS_IN = 1;
    private static final int RCODE_NXDOMAIN = 3;

    private record Record(int type, byte[] data, String alias) {
        Record(int type, byte[] data) {
            this(type, data, null);
        }
    }

    /** An answer record: the owner's name, null for the question's (written as a pointer). */
    private record Answer(String owner, Record record) {
    }

    private final DatagramSocket socket;
    private final Thread server;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private volatile boolean silent;

    public DnsServerDouble() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server = Thread.ofPlatform().daemon().name("dns-double").start(this::serve);
    }

    /** Where JNDI should send its queries. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public DnsServerDouble a(String name, String address) {
        return add(name, TYPE_A, addressBytes(address, 4));
    }

    public DnsServerDouble aaaa(String name, String address) {
        return add(name, TYPE_AAAA, addressBytes(address, 16));
    }

    public DnsServerDouble srv(String name, int priority, int weight, int port, String target) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        writeShort(data, priority);
        writeShort(data, weight);
        writeShort(data, port);
        writeName(data, target);
        return add(name, TYPE_SRV, data.toByteArray());
    }

    /** {@code name} is an alias of {@code target}. */
    public DnsServerDouble cname(String name, String target) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        writeName(data, target);
        records.computeIfAbsent(normal(name), n -> new CopyOnWriteArrayList<>())
                .add(new Record(TYPE_CNAME, data.toByteArray(), normal(target)));
        return this;
    }

    /** From now on every query is received, counted and dropped. */
    public DnsServerDouble silent() {
        silent = true;
        return this;
    }

    /** Queries received for {@code name} of {@code type} ("A", "AAAA", "SRV"). */
    public int queries(String name, String type) {
        String key = type + " " + name.toLowerCase(Locale.ROOT);
        return (int) queries.stream().filter(key::equals).count();
    }

    /** The queries answered so far, as {@code "TYPE name"}, in arrival order. */
    public List<String> queryLog() {
        return List.copyOf(queries);
    }

    /** Every query received, answered or not. */
    public int totalQueries() {
        return received.get();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        server.join(5_000);
    }

    private DnsServerDouble add(String name, int type, byte[] data) {
        records.computeIfAbsent(normal(name), n -> new CopyOnWriteArrayList<>()).add(new Record(type, data));
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            received.incrementAndGet();
            byte[] response = answer(buffer, packet.getLength());
            if (response == null || silent) {
                continue;
            }
            try {
                socket.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** The response to one query, or null when it is not a query of one question. */
    private byte[] answer(byte[] query, int length) {
        if (length < 12 || (query[2] & 0x80) != 0 || ((query[4] & 0xFF) << 8 | (query[5] & 0xFF)) != 1) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int at = 12;
        while (at < length && query[at] != 0) {
            int label = query[at] & 0xFF;
            if (label > 63 || at + 1 + label > length) {
                return null;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(query, at + 1, label, StandardCharsets.US_ASCII));
            at += 1 + label;
        }
        int questionEnd = at + 1 + 4;
        if (questionEnd > length) {
            return null;
        }
        int type = (query[at + 1] & 0xFF) << 8 | (query[at + 2] & 0xFF);
        queries.add(typeName(type) + " " + normal(name.toString()));

        List<Record> known = records.get(normal(name.toString()));
        List<Answer> matching = new ArrayList<>();
        if (known != null) {
            for (Record record : known) {
                if (record.type() == type) {
                    matching.add(new Answer(null, record));
                } else if (record.type() == TYPE_CNAME) {
                    matching.add(new Answer(null, record));
                    for (Record aliased : records.getOrDefault(record.alias(), List.of())) {
                        if (aliased.type() == type) {
                            matching.add(new Answer(record.alias(), aliased));
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        // QR=1, the query's opcode, AA=1, the query's RD; RA=1 and the RCODE
        out.write(0x80 | (query[2] & 0x78) | 0x04 | (query[2] & 0x01));
        out.write(0x80 | (known == null ? RCODE_NXDOMAIN : 0));
        writeShort(out, 1);
        writeShort(out, matching.size());
        writeShort(out, 0);
        writeShort(out, 0);
        out.write(query, 12, questionEnd - 12);
        for (Answer answer : matching) {
            Record record = answer.record();
            if (answer.owner() == null) {
                out.write(0xC0);
                out.write(0x0C);
            } else {
                writeName(out, answer.owner());
            }
            writeShort(out, record.type());
            writeShort(out, CLASS_IN);
            writeShort(out, 0);
            writeShort(out, 300);
            writeShort(out, record.data().length);
            out.write(record.data(), 0, record.data().length);
        }
        return out.toByteArray();
    }

    private static String typeName(int type) {
        return switch (type) {
            case TYPE_A -> "A";
            case TYPE_AAAA -> "AAAA";
            case TYPE_SRV -> "SRV";
            case TYPE_CNAME -> "CNAME";
            default -> Integer.toString(type);
        };
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static byte[] addressBytes(String literal, int size) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length != size) {
                throw new IllegalArgumentException(literal + " is not a " + size + "-byte address");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : normal(name).split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write(0);
    }
}
