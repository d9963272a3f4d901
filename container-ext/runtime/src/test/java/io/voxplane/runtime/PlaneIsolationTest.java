package io.voxplane.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Planes talk only through bus events (docs/architecture.md): no plane package uses another's
 * classes, and the bus and events know no plane.
 */
class PlaneIsolationTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voxplane.runtime");

    @Test
    void transportPlaneDoesNotUseTheSignalingPlane() {
        noClasses().that().resideInAPackage("io.voxplane.runtime.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voxplane.runtime.signaling..",
                        "io.voxplane.runtime.app..")
                .check(RUNTIME);
    }

    @Test
    void signalingPlaneDoesNotUseTheTransportPlane() {
        noClasses().that().resideInAPackage("io.voxplane.runtime.signaling..")
                .should().dependOnClassesThat().resideInAPackage("io.voxplane.runtime.transport..")
                .check(RUNTIME);
    }

    @Test
    void busAndEventsKnowNoPlane() {
        noClasses().that().resideInAnyPackage("io.voxplane.runtime.bus..", "io.voxplane.runtime.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voxplane.runtime.transport..",
                        "io.voxplane.runtime.signaling..", "io.voxplane.runtime.app..")
                .check(RUNTIME);
    }

    @Test
    void mediaPlaneUsesNoOtherPlane() {
        noClasses().that().resideInAPackage("io.voxplane.runtime.media..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voxplane.runtime.transport..",
                        "io.voxplane.runtime.signaling..", "io.voxplane.runtime.app..")
                .check(RUNTIME);
    }

    @Test
    void signalingAndAppsReachMediaOnlyThroughEvents() {
        noClasses().that().resideInAnyPackage("io.voxplane.runtime.signaling..", "io.voxplane.runtime.app..",
                        "io.voxplane.runtime.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.voxplane.runtime.media..",
                        "io.voxplane.media..")
                .check(RUNTIME);
    }
}
