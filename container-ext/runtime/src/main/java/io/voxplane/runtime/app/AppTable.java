package io.voxplane.runtime.app;

import io.voxplane.api.SipApplication;
import io.voxplane.runtime.config.ConfigLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The routing table of the deployed apps. An initial request (outside any dialog) goes to the app
 * with the highest priority whose route takes it ({@link AppDescriptor#takes}); apps are tried in
 * priority order, highest first, then by name for a stable order among different routes of equal
 * priority.
 *
 * <p>Each app's route is its {@link SipApplication} attributes, overridden by MicroProfile Config
 * keys {@code voxplane.apps.<name>.methods} (comma separated, e.g. {@code INVITE,BYE}; empty or
 * {@code *} for any), {@code voxplane.apps.<name>.request-uri} (a regex over the whole URI) and
 * {@code voxplane.apps.<name>.priority} (an int).
 */
final class AppTable {

    /** Prefix of the per-app routing keys. */
    static final String KEY_PREFIX = "voxplane.apps.";

    private final List<AppDescriptor> apps;

    private AppTable(List<AppDescriptor> apps) {
        this.apps = List.copyOf(apps);
    }

    static AppTable empty() {
        return new AppTable(List.of());
    }

    /** Apps in routing order. */
    List<AppDescriptor> apps() {
        return apps;
    }

    /** The app for an initial request, if any takes it. */
    Optional<AppDescriptor> route(String method, String requestUri) {
        for (AppDescriptor app : apps) {
            if (app.takes(method, requestUri)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    /**
     * Builds the table from scanned apps, applying configuration, and collects the problems
     * (VXAPP-004 route conflicts, VXAPP-005 bad patterns or values, VXAPP-006 duplicate names).
     */
    static AppTable build(List<AppScanner.Scan> scans, ConfigLookup config, List<AppProblem> problems) {
        List<AppDescriptor> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AppScanner.Scan scan : scans) {
            if (scan.app().isEmpty()) {
                continue;
            }
            SipApplication annotation = scan.app().get();
            String name = annotation.name();
            if (!names.add(name)) {
                problems.add(new AppProblem(AppCodes.DUPLICATE_NAME, "two apps are named " + name + ", one is "
                        + scan.type().getName()));
                continue;
            }
            try {
                apps.add(new AppDescriptor(name, scan.type(), methods(name, annotation, config),
                        pattern(name, annotation, config), priority(name, annotation, config), scan.handlers()));
            } catch (AppProblem problem) {
                problems.add(problem);
            }
        }
        apps.sort(Comparator.comparing(AppDescriptor::name));
        for (int i = 0; i < apps.size(); i++) {
            for (int j = i + 1; j < apps.size(); j++) {
                if (apps.get(i).sameRouteAs(apps.get(j))) {
                    problems.add(new AppProblem(AppCodes.ROUTE_CONFLICT, "apps " + apps.get(i).name() + " and "
                            + apps.get(j).name() + " claim the same route (" + apps.get(i).route()
                            + "): give one a different priority (" + KEY_PREFIX + "<name>.priority)"));
                }
            }
        }
        apps.sort(Comparator.comparingInt(AppDescriptor::priority).reversed().thenComparing(AppDescriptor::name));
        return new AppTable(apps);
    }

    private static Set<String> methods(String name, SipApplication annotation, ConfigLookup config) {
        Optional<String> configured = config.get(KEY_PREFIX + name + ".methods");
        List<String> values = configured.isPresent()
                ? Arrays.stream(configured.get().split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("*"))
                        .toList()
                : Arrays.asList(annotation.methods());
        Set<String> methods = new HashSet<>();
        for (String m : values) {
            methods.add(m.toUpperCase(Locale.ROOT));
        }
        return methods;
    }

    private static Pattern pattern(String name, SipApplication annotation, ConfigLookup config) {
        String key = KEY_PREFIX + name + ".request-uri";
        String regex = config.get(key).orElse(annotation.requestUri());
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new AppProblem(AppCodes.BAD_ROUTE, "app " + name + ": request-URI pattern " + regex
                    + " (annotation or " + key + ") is not a valid regex: " + e.getDescription());
        }
    }

    private static int priority(String name, SipApplication annotation, ConfigLookup config) {
        String key = KEY_PREFIX + name + ".priority";
        Optional<String> configured = config.get(key);
        if (configured.isEmpty()) {
            return annotation.priority();
        }
        try {
            return Integer.parseInt(configured.get().trim());
        } catch (NumberFormatException e) {
            throw new AppProblem(AppCodes.BAD_ROUTE, "app " + name + ": " + key + "=" + configured.get()
                    + " is not an integer");
        }
    }
}
