package io.voxplane.pbx;

import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunction;
import io.voxplane.api.SipRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PBX's media services, for authenticated callers:
 * <ul>
 * <li>{@value #IVR_NUMBER}: the voice menu. The caller hears the menu prompt (two beeps, shipped
 * in the WAR as {@code prompts/ivr-menu.wav}) and presses a key: {@code 1} routes the call to the
 * echo test (the caller hears itself), {@code 2} into the conference room {@value #CONFERENCE_ROOM}
 * (the same room as calling {@value #CONFERENCE_NUMBER}), any other key plays the menu again.
 * "Routing" switches the call's media function on the same dialog: no transfer, no new INVITE.</li>
 * <li>{@value #CONFERENCE_NUMBER}: the conference room; everyone in it hears everyone else.</li>
 * </ul>
 */
@ApplicationScoped
public class PbxIvr {

    private static final System.Logger LOG = System.getLogger(PbxIvr.class.getName());

    /** The voice menu's number. */
    public static final String IVR_NUMBER = "500";
    /** The conference room's number. */
    public static final String CONFERENCE_NUMBER = "800";
    /** The conference room's name at the media plane. */
    public static final String CONFERENCE_ROOM = "pbx-800";
    /** The menu prompt inside the WAR. */
    static final String PROMPT_RESOURCE = "/prompts/ivr-menu.wav";

    private volatile Path prompt;

    /** Whether {@code number} is one of the media services. */
    public boolean serves(String number) {
        return IVR_NUMBER.equals(number) || CONFERENCE_NUMBER.equals(number);
    }

    /** Answers an authenticated INVITE to {@code number} ({@link #serves} true) with its service. */
    public void answer(SipRequest request, String number) {
        if (CONFERENCE_NUMBER.equals(number)) {
            request.answerWithMedia(MediaFunction.conference(CONFERENCE_ROOM));
            return;
        }
        String menu = prompt().toString();
        request.answerWithMedia(MediaFunction.prompt(menu)).thenAccept(call -> {
            AtomicBoolean routed = new AtomicBoolean();
            call.onDtmf(key -> route(call, key, menu, routed));
        });
    }

    private static void route(MediaCall call, char key, String menu, AtomicBoolean routed) {
        if (routed.get()) {
            return;
        }
        switch (key) {
            case '1' -> {
                routed.set(true);
                call.echo();
            }
            case '2' -> {
                routed.set(true);
                call.joinConference(CONFERENCE_ROOM);
            }
            default -> call.play(menu);
        }
    }

    /**
     * The menu prompt as a file the media plane can read: copied once from the WAR to a temporary
     * file (the media plane plays files, and a WAR's resources need not be files).
     */
    private Path prompt() {
        Path p = prompt;
        if (p == null) {
            synchronized (this) {
                if (prompt == null) {
                    prompt = copyPrompt();
                }
                p = prompt;
            }
        }
        return p;
    }

    private static Path copyPrompt() {
        try (InputStream in = PbxIvr.class.getResourceAsStream(PROMPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the WAR lacks " + PROMPT_RESOURCE);
            }
            Path file = Files.createTempFile("voxplane-ivr-menu", ".wav");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            LOG.log(Level.INFO, () -> "IVR menu prompt at " + file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the IVR prompt out of the WAR", e);
        }
    }
}
