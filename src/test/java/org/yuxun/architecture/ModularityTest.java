package org.yuxun.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

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
    void writesTheModuleDiagramIntoTheDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        stabilise(Path.of("docs/modules"));
    }

    /** Spring Modulith writes relations in no fixed order; sorting them keeps the committed diagrams stable. */
    private static void stabilise(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                int first = -1;
                int last = -1;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("Rel(")) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first >= 0) {
                    List<String> relations = new ArrayList<>(lines.subList(first, last + 1));
                    Collections.sort(relations);
                    List<String> sorted = new ArrayList<>(lines.subList(0, first));
                    sorted.addAll(relations);
                    sorted.addAll(lines.subList(last + 1, lines.size()));
                    Files.write(file, sorted);
                }
            }
        }
    }
}
