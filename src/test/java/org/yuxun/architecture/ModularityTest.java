package org.yuxun.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.yuxun.YuxunApplication;

/** The module boundaries of STYLE.md hold: no cycles, no reaching into another module's internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(YuxunApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramIntoTheDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
