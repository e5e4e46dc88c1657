package org.compassioncourse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a Spring Modulith module: its API at its root, everything else internal (a module shows
 * another's view pieces only through a package named as an interface, e.g. {@code quiz/ui}). This test checks that no
 * module reaches into another's internals or takes part in a cycle, and writes the module diagrams and canvases into
 * docs/modules (docs/architecture.md, "Module verification").
 */
class ModulesTest {

    private static final Path DOCUMENTATION_FOLDER = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesVerify() {
        modules.verify();
    }

    /**
     * Writes into target/ first: Modulith lists a diagram's relations in a different order from run to run, so a file
     * in docs/modules is replaced only when its content changed, not its order, and a test run leaves no noise in git.
     */
    @Test
    void writesTheModuleDocumentationIntoDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCUMENTATION_FOLDER);
        List<Path> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated = files.filter(Files::isRegularFile).toList();
        }
        for (Path file : generated) {
            Path kept = DOCUMENTATION_FOLDER.resolve(file.getFileName().toString());
            if (!Files.exists(kept) || !sortedLines(kept).equals(sortedLines(file))) {
                Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> files = Files.list(DOCUMENTATION_FOLDER)) {
            for (Path stale : files.filter(f -> generated.stream().noneMatch(g -> g.getFileName().equals(f.getFileName()))).toList()) {
                Files.delete(stale); // a module that no longer exists
            }
        }
        assertThat(DOCUMENTATION_FOLDER.resolve("components.puml")).as("the diagram of every module").exists();
        modules.forEach(module -> assertThat(DOCUMENTATION_FOLDER.resolve("module-" + module.getIdentifier() + ".adoc"))
                .as("the canvas of module %s", module.getIdentifier()).exists());
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
