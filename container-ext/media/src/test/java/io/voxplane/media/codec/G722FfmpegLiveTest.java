package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs ffmpeg on the same inputs as the committed vectors when {@code ffmpeg} is on the PATH
 * (skipped otherwise), so a newer ffmpeg or a longer signal can be checked without new files.
 */
@Timeout(120)
class G722FfmpegLiveTest {

    @TempDir
    Path dir;

    private static boolean ffmpegOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "ffmpeg"))) {
                return true;
            }
        }
        return false;
    }

    private void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg did not finish");
        assertEquals(0, p.exitValue(), () -> "ffmpeg failed: " + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("ffmpeg.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void g722BothDirectionsOnSixSecondsOfSpeech() throws Exception {
        assumeTrue(ffmpegOnPath(), "ffmpeg not on PATH");
        short[] pcm = SpeechLikeSignal.generate(16000, 6 * 16000);
        Files.write(dir.resolve("in.raw"), Vectors.toS16le(pcm));
        ffmpeg("-f", "s16le", "-ar", "16000", "-ac", "1", "-i", "in.raw", "-acodec", "g722", "-f", "g722", "out.g722");
        ffmpeg("-f", "g722", "-i", "out.g722", "-f", "s16le", "out.raw");
        byte[] theirs = Files.readAllBytes(dir.resolve("out.g722"));
        assertEquals(-1, Vectors.firstDifference(theirs, G722Test.encodeIn20msFrames(pcm)));
        short[] decoded = Vectors.fromS16le(Files.readAllBytes(dir.resolve("out.raw")));
        assertEquals(-1, Vectors.firstDifference(decoded, G722Test.decodeIn20msFrames(theirs)));
    }

    @Test
    void g711EncodesTheWholeRangeLikeFfmpegUpToItsNegativeRounding() throws Exception {
        assumeTrue(ffmpegOnPath(), "ffmpeg not on PATH");
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i - 32768);
        }
        Files.write(dir.resolve("all.raw"), Vectors.toS16le(all));
        ffmpeg("-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "all.raw", "-f", "mulaw", "all.ul");
        ffmpeg("-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "all.raw", "-f", "alaw", "all.al");
        byte[] mu = Files.readAllBytes(dir.resolve("all.ul"));
        byte[] a = Files.readAllBytes(dir.resolve("all.al"));
        int differing = 0;
        for (int i = 0; i < all.length; i++) {
            int x = all[i];
            assertTrue(G711Test.withinOneStepOfBoundary(mu[i], x, MuLaw::encode, MuLaw::decode), "mu-law x=" + x);
            assertTrue(G711Test.withinOneStepOfBoundary(a[i], x, ALaw::encode, ALaw::decode), "A-law x=" + x);
            if (mu[i] != MuLaw.encode(x)) {
                differing++;
            }
        }
        assertTrue(differing <= 1024, "mu-law inputs encoded differently: " + differing);
    }
}
