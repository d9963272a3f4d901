package io.voxplane.runtime.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Phones in one conference room each send their own tone in real time (20 ms PCMU frames) and
 * record what the room sends them; {@link #run} returns, per phone, the Goertzel power of each
 * phone's tone in what it heard. A working room: every phone hears the others' tones far above
 * its own (mix-minus).
 */
public final class ConferenceCheck {

    private ConferenceCheck() {
    }

    /**
     * @return {@code power[listener][talker]}
     */
    public static double[][] run(MediaPhone[] phones, double[] tones, int frames) throws InterruptedException {
        int n = phones.length;
        List<List<byte[]>> heard = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            heard.add(new ArrayList<>());
        }
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        Thread[] readers = new Thread[n];
        try {
            int[] frame = {0};
            pacer.scheduleAtFixedRate(() -> {
                int f = frame[0]++;
                if (f >= frames) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    try {
                        phones[i].sendRtp(0, Tones.pcmuFrame(tones[i], f), f == 0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            for (int i = 0; i < n; i++) {
                int who = i;
                readers[i] = Thread.ofVirtual().start(() -> {
                    try {
                        for (MediaPhone.Rtp p = phones[who].receiveRtp(); p != null && heard.get(who).size() < frames;
                             p = phones[who].receiveRtp()) {
                            heard.get(who).add(p.payload());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            for (Thread reader : readers) {
                if (!reader.join(Duration.ofSeconds(30))) {
                    throw new AssertionError("a phone kept receiving for 30 s");
                }
            }
        } finally {
            pacer.shutdownNow();
        }
        double[][] power = new double[n][n];
        for (int listener = 0; listener < n; listener++) {
            short[] pcm = Tones.decodePcmu(heard.get(listener), 10);
            if (pcm.length < 4000) {
                throw new AssertionError("phone " + listener + " heard only " + pcm.length + " samples");
            }
            for (int talker = 0; talker < n; talker++) {
                power[listener][talker] = Tones.power(pcm, tones[talker]);
            }
        }
        return power;
    }
}
