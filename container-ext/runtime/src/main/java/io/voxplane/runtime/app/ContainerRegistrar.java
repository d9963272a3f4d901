package io.voxplane.runtime.app;

import io.voxplane.api.Registrar;
import io.voxplane.api.SipRequest;
import io.voxplane.runtime.Plane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.registrar.Binding;
import io.voxplane.stack.registrar.LocationStore;
import io.voxplane.stack.registrar.RegistrarConfig;
import io.voxplane.stack.registrar.RegistrationSweeper;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.SipIdGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;

/**
 * The {@link Registrar} apps inject: the stack's registrar (RFC 3261 s10.3) over the container's
 * {@link LocationStore} (see {@link LocationStores}), with the default {@link RegistrarConfig}
 * and a {@link RegistrationSweeper} on the signaling plane's scheduler. Authorization (s10.3
 * step 4): a user may register only the AOR whose user part is its own name; anything else 403.
 */
@ApplicationScoped
public class ContainerRegistrar implements Registrar {

    @Inject
    LocationStore store;

    @Inject
    TaskTrackers trackers;

    private io.voxplane.stack.registrar.Registrar registrar;
    private RegistrationSweeper sweeper;

    @PostConstruct
    void init() {
        RegistrarConfig config = RegistrarConfig.defaults();
        registrar = new io.voxplane.stack.registrar.Registrar(config, store, InstantSource.system());
        sweeper = new RegistrationSweeper(store, new ScheduledTimerService(trackers.forPlane(Plane.SIGNALING).scheduler()),
                InstantSource.system(), config.sweepInterval());
        sweeper.start();
    }

    @PreDestroy
    void stop() {
        sweeper.stop();
    }

    @Override
    public void register(SipRequest request, String authenticatedUser) {
        AppSipRequest appRequest = (AppSipRequest) request;
        io.voxplane.sip.SipRequest register = appRequest.stackRequest();
        if (!(register.to().uri() instanceof SipUri aor) || !authenticatedUser.equals(aor.decodedUser())) {
            SipResponse.Builder forbidden = SipResponse.replyTo(register, 403, "Forbidden (not your address-of-record)");
            if (register.to().tag().isEmpty()) {
                forbidden.to(register.to().withTag(SipIdGenerator.newTag()));
            }
            appRequest.answer(forbidden.build());
            return;
        }
        appRequest.answer(registrar.register(register));
    }

    @Override
    public List<String> lookup(String aor) {
        try {
            return registrar.lookup(Uri.parse(aor)).stream().map(Binding::uri).toList();
        } catch (SipParseException e) {
            return List.of();
        }
    }
}
