package io.voxplane.runtime.app;

import io.voxplane.api.SipApplication;
import io.voxplane.runtime.config.ConfigLookup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the SIP apps of a deployment, in the three steps of a portable extension:
 * <ol>
 * <li>collect ({@link ProcessAnnotatedType}): every class carrying {@link SipApplication} or a
 * handler annotation (on the class or a method);</li>
 * <li>register ({@link AfterBeanDiscovery}): reads each class's handlers and checks their
 * signatures ({@link AppScanner}: {@value AppCodes#BAD_SIGNATURE}, {@value AppCodes#NOT_AN_APP},
 * {@value AppCodes#DUPLICATE_HANDLER});</li>
 * <li>validate ({@link AfterDeploymentValidation}): builds the routing table with the
 * MicroProfile Config overrides ({@link AppTable}: {@value AppCodes#ROUTE_CONFLICT},
 * {@value AppCodes#BAD_ROUTE}, {@value AppCodes#DUPLICATE_NAME}), checks each app is a bean
 * ({@value AppCodes#NOT_A_BEAN}); every problem becomes a deployment problem whose message
 * starts with its code.</li>
 * </ol>
 * {@link AppRequestDispatcher} routes requests with {@link #table()}.
 */
public class SipAppExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(SipAppExtension.class.getName());

    private final List<Class<?>> candidates = new CopyOnWriteArrayList<>();
    private final List<AppScanner.Scan> scans = new ArrayList<>();
    private final List<AppProblem> problems = new ArrayList<>();
    private volatile AppTable table = AppTable.empty();

    <T> void collect(@Observes @WithAnnotations({SipApplication.class, io.voxplane.api.Invite.class,
            io.voxplane.api.Ack.class, io.voxplane.api.Bye.class, io.voxplane.api.Cancel.class,
            io.voxplane.api.Register.class, io.voxplane.api.Options.class, io.voxplane.api.Message.class,
            io.voxplane.api.Info.class, io.voxplane.api.AnyMethod.class, io.voxplane.api.ProvisionalResponse.class,
            io.voxplane.api.SuccessResponse.class, io.voxplane.api.RedirectResponse.class,
            io.voxplane.api.ErrorResponse.class}) ProcessAnnotatedType<T> event) {
        candidates.add(event.getAnnotatedType().getJavaClass());
    }

    void register(@Observes AfterBeanDiscovery event) {
        for (Class<?> type : candidates) {
            AppScanner.Scan scan = AppScanner.scan(type);
            scans.add(scan);
            problems.addAll(scan.problems());
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        List<AppProblem> found = new ArrayList<>(problems);
        for (AppScanner.Scan scan : scans) {
            if (scan.app().isPresent() && beans.getBeans(scan.type()).isEmpty()) {
                found.add(new AppProblem(AppCodes.NOT_A_BEAN, "@SipApplication " + scan.type().getName()
                        + " is not a CDI bean: give it a scope such as @ApplicationScoped"));
            }
        }
        AppTable built = AppTable.build(scans, config(beans), found);
        for (AppProblem problem : found) {
            event.addDeploymentProblem(problem);
        }
        if (found.isEmpty()) {
            table = built;
            LOG.log(Level.INFO, () -> "Voxplane SIP apps: " + built.apps().stream()
                    .map(a -> a.name() + " [" + a.route() + "]").toList());
        }
    }

    /** The routing table, empty until deployment validation passed. */
    AppTable table() {
        return table;
    }

    /** Names of the deployed apps in routing order. */
    public List<String> appNames() {
        return table.apps().stream().map(AppDescriptor::name).toList();
    }

    /** MicroProfile Config when the container offers it as a bean, else no overrides. */
    private static ConfigLookup config(BeanManager beans) {
        Set<Bean<?>> found = beans.getBeans(Config.class);
        Bean<?> bean = found.isEmpty() ? null : beans.resolve(found);
        if (bean == null) {
            return key -> Optional.empty();
        }
        Config config = (Config) beans.getReference(bean, Config.class, beans.createCreationalContext(bean));
        return key -> config.getOptionalValue(key, String.class);
    }
}
