package io.voxplane.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of ARCHITECTURE.md that a compiler does not check, over the main classes of every
 * Voxplane module on this module's classpath.
 *
 * <ul>
 *   <li>No untracked threads: every thread comes from a factory or executor handed in by the
 *       container, so main code never constructs a {@link Thread}, never uses
 *       {@code java.util.concurrent.Executors}, {@code java.util.Timer} or the {@code Thread.ofX()}
 *       builders.</li>
 *   <li>Layering: sip depends on nothing of Voxplane; stack only on sip; media on neither; none of
 *       the protocol cores imports {@code jakarta.*}.</li>
 * </ul>
 */
class ArchitectureRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.voxplane");
        for (String module : new String[] {"io.voxplane.api", "io.voxplane.sip", "io.voxplane.stack", "io.voxplane.media", "io.voxplane.runtime"}) {
            if (main.stream().noneMatch(c -> c.getPackageName().startsWith(module))) {
                throw new IllegalStateException("no main classes of " + module + " on the classpath: the rules would check nothing");
            }
        }
    }

    @Test
    void mainCodeConstructsNoThreads() {
        ArchRule rule = noClasses().should().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().callConstructor(Thread.class, String.class)
                .orShould().callConstructor(Thread.class, ThreadGroup.class, Runnable.class)
                .orShould().callConstructor(Thread.class, ThreadGroup.class, Runnable.class, String.class)
                .orShould().callConstructor(Thread.class, ThreadGroup.class, Runnable.class, String.class, long.class)
                .orShould().callMethod(Thread.class, "ofPlatform")
                .orShould().callMethod(Thread.class, "ofVirtual")
                .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
                .because("every thread must come from the container's managed executors through a task tracker");
        rule.check(main);
    }

    @Test
    void mainCodeUsesNoExecutorsFactoryNorTimer() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Timer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.TimerTask")
                .because("executors and timers are injected, never created in main code");
        rule.check(main);
    }

    @Test
    void sipDependsOnNoOtherVoxplaneModule() {
        noClasses().that().resideInAPackage("io.voxplane.sip..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.voxplane.stack..", "io.voxplane.media..", "io.voxplane.runtime..", "io.voxplane.api..")
                .check(main);
    }

    @Test
    void stackDependsOnlyOnSip() {
        noClasses().that().resideInAPackage("io.voxplane.stack..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.voxplane.media..", "io.voxplane.runtime..", "io.voxplane.api..")
                .check(main);
    }

    @Test
    void mediaDependsOnNoSignalingModule() {
        noClasses().that().resideInAPackage("io.voxplane.media..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.voxplane.sip..", "io.voxplane.stack..", "io.voxplane.runtime..", "io.voxplane.api..")
                .check(main);
    }

    @Test
    void protocolCoresImportNoJakarta() {
        noClasses().that().resideInAnyPackage("io.voxplane.sip..", "io.voxplane.stack..", "io.voxplane.media..")
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .check(main);
    }

    @Test
    void appApiDependsOnNoOtherVoxplaneModuleNorJakarta() {
        noClasses().that().resideInAPackage("io.voxplane.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.voxplane.sip..", "io.voxplane.stack..", "io.voxplane.media..", "io.voxplane.runtime..",
                        "jakarta..")
                .because("apps compile against the api alone; it must stay tiny and stable")
                .check(main);
    }
}
