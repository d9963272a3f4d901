package io.voxplane.runtime.media;

import io.voxplane.runtime.events.MediaOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records, for each {@link MediaOpened} the bus delivers, the media function the call runs at
 * that moment: the signaling plane sends the 200 from that event, so this is what the caller's
 * first RTP meets.
 */
@ApplicationScoped
public class FunctionAtOpened {

    private final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();

    @Inject
    MediaPlane media;

    void onOpened(@ObservesAsync MediaOpened opened) {
        seen.add(media.function(opened.callId()).orElse("no media call"));
    }

    /** The function recorded at the next MediaOpened, or null when none came within {@code seconds}. */
    String next(int seconds) throws InterruptedException {
        return seen.poll(seconds, TimeUnit.SECONDS);
    }
}
