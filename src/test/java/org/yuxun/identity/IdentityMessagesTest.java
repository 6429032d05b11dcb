package org.yuxun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identity and audit pages speak Chinese and English: both bundles of each module have the same keys, and
 * every message a template names literally, every permission, group and action label, exists.
 */
class IdentityMessagesTest {

    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");

    @ParameterizedTest
    @ValueSource(strings = {"identity", "audit"})
    void bothLanguagesHaveTheSameKeys(String module) throws IOException {
        assertThat(load(module + "_en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load(module).stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "audit"})
    void everyKeyTheTemplatesNameExists(String module) throws IOException {
        Set<String> known = new HashSet<>();
        for (String bundle : List.of("messages", "identity", "audit", "organization", "portal")) {
            known.addAll(load(bundle).stringPropertyNames());
            known.addAll(load(bundle + "_en").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates", module))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "identity_en"})
    void everyPermissionHasALabelInItsMatrixCell(String bundle) throws IOException {
        Properties messages = load(bundle);
        for (Permission p : Permission.values()) {
            assertThat(messages).containsKeys("permission." + p.name(), "permission.group." + p.group(),
                    "permission.action." + p.action());
        }
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IdentityMessagesTest.class.getResourceAsStream("/messages/" + bundle + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
