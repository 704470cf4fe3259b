package org.lifeboat.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of docs/architecture.md, enforced: a lower module never imports a higher one.
 *
 * <p>Maven already refuses an import of a module that is not a declared dependency; this test also catches a
 * dependency added to a POM against the design.
 */
class ModuleLayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lifeboat");
    }

    @Test
    void modulesOnlyDependDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("repository")
                .definedBy("org.lifeboat.repository..")
                .layer("adb")
                .definedBy("org.lifeboat.adb..")
                .layer("android")
                .definedBy("org.lifeboat.android..")
                .layer("backup")
                .definedBy("org.lifeboat.backup..")
                .layer("virtualphone")
                .definedBy("org.lifeboat.virtualphone..")
                .layer("cli")
                .definedBy("org.lifeboat.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("backup")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("virtualphone")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("android")
                .mayOnlyBeAccessedByLayers("backup", "cli")
                .whereLayer("repository")
                .mayOnlyBeAccessedByLayers("backup", "cli")
                .whereLayer("adb")
                .mayOnlyBeAccessedByLayers("android", "backup", "virtualphone", "cli")
                .check(classes);
    }

    @Test
    void onlyTheCliBindsALoggingBackendOrParsesCommandLines() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.lifeboat.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.slf4j.simple..", "picocli..")
                .because("libraries log through slf4j only, and the CLI is the one place that parses arguments")
                .check(classes);
    }

    @Test
    void storageAndProtocolsKnowNothingOfPhonesOrBackups() {
        noClasses()
                .that()
                .resideInAnyPackage("org.lifeboat.repository..", "org.lifeboat.adb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.lifeboat.android..", "org.lifeboat.backup..", "org.lifeboat.virtualphone..")
                .check(classes);
    }
}
