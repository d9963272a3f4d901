package io.voxplane.runtime;

import io.voxplane.runtime.app.RequestDispatcher;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Voxplane CDI portable extension, in the three steps of a well-behaved extension:
 * <ol>
 * <li>collect ({@link ProcessBean}): the plane beans and the {@link RequestDispatcher} beans of
 * the deployment;</li>
 * <li>register: nothing yet (the SIP app model will register app beans here);</li>
 * <li>validate ({@link AfterDeploymentValidation}): both plane beans and exactly one dispatcher
 * must resolve, else the deployment fails with {@value #MISSING_PLANES} or
 * {@value #DISPATCHER_AMBIGUOUS}.</li>
 * </ol>
 * {@link #planeBeans()} and {@link #dispatcherBeans()} say what was found.
 */
public class VoxplaneExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(VoxplaneExtension.class.getName());

    /** The runtime's plane beans were not discovered (its jar lacks META-INF/beans.xml or is not visible). */
    public static final String MISSING_PLANES = "VXRT-010";

    /** More than one {@link RequestDispatcher} resolves. */
    public static final String DISPATCHER_AMBIGUOUS = "VXRT-011";

    private final List<Class<?>> planeBeans = new CopyOnWriteArrayList<>();
    private final List<Class<?>> dispatcherBeans = new CopyOnWriteArrayList<>();

    <T> void collect(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        Class<?> type = bean.getBeanClass();
        if (type == TransportPlane.class || type == SignalingPlane.class) {
            planeBeans.add(type);
        }
        if (bean.getTypes().contains(RequestDispatcher.class)) {
            dispatcherBeans.add(type);
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        Set<Bean<?>> transport = beans.getBeans(TransportPlane.class);
        Set<Bean<?>> signaling = beans.getBeans(SignalingPlane.class);
        if (transport.isEmpty() || signaling.isEmpty()) {
            event.addDeploymentProblem(new IllegalStateException(MISSING_PLANES
                    + " Voxplane plane beans not found (transport " + transport.size() + ", signaling "
                    + signaling.size() + "): is voxplane-runtime in the EAR's lib/ with its META-INF/beans.xml?"));
            return;
        }
        Set<Bean<?>> dispatchers = beans.getBeans(RequestDispatcher.class);
        if (dispatchers.size() > 1 && beans.resolve(dispatchers) == null) {
            event.addDeploymentProblem(new IllegalStateException(DISPATCHER_AMBIGUOUS
                    + " several RequestDispatcher beans and none selected: " + dispatcherBeans));
            return;
        }
        LOG.log(Level.INFO, () -> "Voxplane extension found planes " + planeBeans.stream().map(Class::getSimpleName)
                .toList() + " and request dispatchers " + dispatcherBeans.stream().map(Class::getSimpleName).toList());
    }

    /** Plane bean classes seen during discovery. */
    public List<Class<?>> planeBeans() {
        return List.copyOf(planeBeans);
    }

    /** {@link RequestDispatcher} bean classes seen during discovery. */
    public List<Class<?>> dispatcherBeans() {
        return List.copyOf(dispatcherBeans);
    }
}
