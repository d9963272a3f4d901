package io.voxplane.runtime.media;

import io.voxplane.runtime.events.MediaRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every {@link MediaRejected} the media plane publishes, for tests to take in order. */
@ApplicationScoped
public class MediaRejections {

    private final LinkedBlockingQueue<MediaRejected> rejections = new LinkedBlockingQueue<>();

    void onRejected(@ObservesAsync MediaRejected rejected) {
        rejections.add(rejected);
    }

    /** The next rejection, or null when none came within {@code seconds}. */
    MediaRejected next(int seconds) throws InterruptedException {
        return rejections.poll(seconds, TimeUnit.SECONDS);
    }
}
