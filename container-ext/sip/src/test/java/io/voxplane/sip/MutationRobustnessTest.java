package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input yields a typed {@link SipParseException} (or a message), never another exception or a
 * hang: every RFC vector is mutated (byte flips, deletions, insertions of SIP delimiters, truncation)
 * with a fixed seed and fed to the parser and the stream framer.
 */
class MutationRobustnessTest {

    private static final byte[] DELIMITERS = "<>\";,:@[]%\\ \t\r\n=?&/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        for (String n : new String[] {"wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq",
            "semiuri", "transports", "mpart01", "unreason", "noreason", "badinv01", "clerr", "ncl", "scalar02", "scalarlg",
            "quotbal", "ltgtruri", "lwsruri", "lwsstart", "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn",
            "badvers", "mismatch01", "mismatch02", "bigcode", "badbranch", "insuf", "unkscm", "novelsc", "unksm2",
            "bext01", "invut", "regaut01", "multi01", "mcl01", "bcast", "zeromf", "cparam01", "cparam02", "regescrt",
            "sdp01", "inv2543"}) {
            c.add(Fixtures.rfc4475(n));
        }
        c.add(Fixtures.invite());
        c.add(Fixtures.ok200());
        return c;
    }

    private static byte[] mutate(byte[] in, SplittableRandom rnd) {
        byte[] b = in.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 1; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] = DELIMITERS[rnd.nextInt(DELIMITERS.length)];
                case 2 -> {
                    byte[] n = new byte[b.length - 1];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                    b = n;
                }
                default -> b = Arrays.copyOf(b, at + 1);
            }
        }
        return b;
    }

    @Test
    @Timeout(60)
    void mutatedVectorsNeverEscapeAsUntypedExceptions() {
        SplittableRandom rnd = new SplittableRandom(Long.getLong("fuzz.seed", 4475_5118L));
        List<byte[]> corpus = corpus();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < Integer.getInteger("fuzz.count", 30_000); i++) {
            byte[] m = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
            try {
                SipMessage msg = SipParser.withDefaults().parse(m);
                // whatever parses must serialise to something that parses back to the same values
                VectorAssertions.assertRoundTrips(msg);
                parsed++;
            } catch (SipParseException e) {
                assertTrue(e.statusCode() == 0 || (e.statusCode() >= 400 && e.statusCode() < 600), e.getMessage());
                e.errorResponse().ifPresent(SipMessage::toBytes);
                rejected++;
            } catch (RuntimeException e) {
                fail("untyped " + e + " for input:\n" + new String(m, java.nio.charset.StandardCharsets.ISO_8859_1), e);
            }
            StreamFramer f = new StreamFramer(SipLimits.defaults());
            f.append(m, 0, m.length);
            try {
                while (f.next() != null) {
                    // drain
                }
            } catch (SipParseException e) {
                assertTrue(e.framingLost());
            } catch (RuntimeException e) {
                fail("untyped framer " + e, e);
            }
        }
        assertTrue(parsed > 1000 && rejected > 1000, parsed + " parsed, " + rejected + " rejected");
    }
}
