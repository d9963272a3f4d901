package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The RFC vectors are byte-exact copies: every file matches SHA256SUMS. */
class TestVectorChecksumsTest {

    @Test
    void everyVectorMatchesItsRecordedSha256() throws Exception {
        String sums = new String(Fixtures.resource("SHA256SUMS"), StandardCharsets.US_ASCII);
        int files = 0;
        for (String line : sums.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String expected = line.substring(0, 64);
            String path = line.substring(64).trim();
            if (path.startsWith("*")) {
                path = path.substring(1);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Fixtures.resource(path));
            assertEquals(expected, HexFormat.of().formatHex(digest), path);
            files++;
        }
        assertEquals(49 + 12, files);
    }
}
