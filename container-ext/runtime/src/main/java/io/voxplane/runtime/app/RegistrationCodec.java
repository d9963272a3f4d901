package io.voxplane.runtime.app;

import io.voxplane.stack.registrar.Binding;
import io.voxplane.stack.registrar.Registration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Registration} as the bytes the Hazelcast location map keeps. Bytes rather than Java
 * serialization: Hazelcast stores a byte array as it is, with no class to resolve through the
 * deployment's class loader on every read (measured in Payara Micro: Java serialization of
 * registrations was about a fifth of the CPU of an authenticated REGISTER), and two nodes running
 * different builds of the app still read each other's entries.
 *
 * <pre>
 * version(1) aor bindingCount { contact uri q callId cseq expiresAtMillis updatedAtMillis }*
 * </pre>
 * Strings are an int length and UTF-8 bytes; numbers are big-endian ints and longs.
 */
final class RegistrationCodec {

    /** Format version written first; a different one is refused, never misread. */
    static final byte VERSION = 1;

    private RegistrationCodec() {
    }

    static byte[] encode(Registration registration) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 160 * registration.bindings().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, registration.aor());
            out.writeInt(registration.bindings().size());
            for (Binding b : registration.bindings()) {
                string(out, b.contact());
                string(out, b.uri());
                out.writeInt(b.q());
                string(out, b.callId());
                out.writeLong(b.cseq());
                out.writeLong(b.expiresAtMillis());
                out.writeLong(b.updatedAtMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /** The registration in {@code bytes}, or null for null. */
    static Registration decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException(AppCodes.BAD_LOCATION_STORE + " location entry of format version "
                        + version + ", this node reads " + VERSION);
            }
            String aor = string(in);
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalStateException(AppCodes.BAD_LOCATION_STORE + " location entry with " + count + " bindings");
            }
            List<Binding> bindings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                bindings.add(new Binding(string(in), string(in), in.readInt(), string(in), in.readLong(), in.readLong(),
                        in.readLong()));
            }
            return new Registration(aor, bindings);
        } catch (IOException e) {
            throw new IllegalStateException(AppCodes.BAD_LOCATION_STORE + " truncated location entry", e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("string of " + length + " bytes, " + in.available() + " left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
