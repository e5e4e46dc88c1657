package org.compassioncourse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a Spring Modulith module: its API at its root, everything else internal. This test
 * checks that no module reaches into another's internals or takes part in a cycle, and writes the module diagrams
 * and canvases into docs/modules (docs/architecture.md, "Module verification").
 */
class ModulesTest {

    private static final String DOCUMENTATION_FOLDER = "docs/modules";

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION_FOLDER))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    @Test
    void modulesVerify() {
        modules.verify();
    }
}
