package dev.mcpweb.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mcpweb.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * The layering rules. Each rule fails when its subject selects no classes (ArchUnit's default), so a
 * renamed package breaks the rule instead of passing it silently.
 */
class ArchitectureTest {
    /**
     * The product's own classes, from where its main class was loaded: not its tests, and not the modules
     * beside it (the simulated LLM is on the test class path as a jar or, in a reactor build, a folder).
     */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(Main.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theProductDoesNotUseTheTooling() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpweb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mcpweb.tools..", "dev.mcpweb.sim..")
                .check(CLASSES);
    }

    @Test
    void stagesDoNotDependOnTheCliOrTheServer() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.mcpweb.config..",
                        "dev.mcpweb.fetch..",
                        "dev.mcpweb.extract..",
                        "dev.mcpweb.chunk..",
                        "dev.mcpweb.llm..",
                        "dev.mcpweb.summarize..",
                        "dev.mcpweb.cache..",
                        "dev.mcpweb.pipeline..",
                        "dev.mcpweb.crawl..",
                        "dev.mcpweb.search..",
                        "dev.mcpweb.result..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mcpweb.cli..", "dev.mcpweb.server..")
                .check(CLASSES);
    }

    @Test
    void onlyThePipelineKnowsTheOrderOfTheStages() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.mcpweb.fetch..", "dev.mcpweb.chunk..", "dev.mcpweb.llm..", "dev.mcpweb.cache..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mcpweb.summarize..", "dev.mcpweb.pipeline..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("dev.mcpweb.extract..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpweb.chunk..", "dev.mcpweb.summarize..", "dev.mcpweb.llm..", "dev.mcpweb.pipeline..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCrawlAndItsFrontEndsKnowTheCrawl() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.mcpweb.fetch..",
                        "dev.mcpweb.extract..",
                        "dev.mcpweb.chunk..",
                        "dev.mcpweb.llm..",
                        "dev.mcpweb.summarize..",
                        "dev.mcpweb.cache..",
                        "dev.mcpweb.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mcpweb.crawl..")
                .check(CLASSES);
    }

    @Test
    void theHtmlExtractorDoesNotLeanOnTheStageThatUsesIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpweb.extract.html")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mcpweb.extract")
                .check(CLASSES);
    }

    @Test
    void theDocumentModelAndTheTextScansStandOnTheGround() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.mcpweb.document..", "dev.mcpweb.text..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpweb.extract..",
                        "dev.mcpweb.fetch..",
                        "dev.mcpweb.chunk..",
                        "dev.mcpweb.summarize..",
                        "dev.mcpweb.pipeline..",
                        "dev.mcpweb.cli..",
                        "dev.mcpweb.server..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheCliWritesToStandardOutput() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.mcpweb.cli..")
                .should()
                .accessField(System.class, "out")
                .check(CLASSES);
    }
}
