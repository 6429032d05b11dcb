package org.yuxun.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI string is in the message bundles, in Chinese and in English: a key used by a template but missing from
 * a bundle, or present in one language only, fails the build.
 */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{some.key}} or {@code #{some.key(args)}} with a literal key. */
    private static final Path SOURCES = Path.of("src/main/java");
    /**
     * The code of {@code new InvalidInput(field, "code", …)}, {@code violation(field, "code", …)},
     * {@code rejectValue(field, "code", …)}, {@code new InvalidValueException("code", …)} or
     * {@code reject("code", …)}.
     */
    private static final Pattern REFUSAL_CODE = Pattern.compile(
            "(?:new InvalidInput|violation|rejectValue)\\(\\s*(?:null|\"[^\"]*\"|[\\w.]+(?:\\(\\))?)\\s*,\\s*"
                    + "\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\""
                    + "|(?:new InvalidValueException|\\.reject)\\(\\s*\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path zh : files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_"))
                    .toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                Set<String> zhKeys = load(zh).stringPropertyNames();
                Set<String> enKeys = Files.exists(en) ? load(en).stringPropertyNames() : Set.of();
                Set<String> onlyZh = new TreeSet<>(zhKeys);
                onlyZh.removeAll(enKeys);
                Set<String> onlyEn = new TreeSet<>(enKeys);
                onlyEn.removeAll(zhKeys);
                if (!onlyZh.isEmpty()) {
                    missing.put(en.getFileName().toString(), onlyZh);
                }
                if (!onlyEn.isEmpty()) {
                    missing.put(zh.getFileName().toString(), onlyEn);
                }
            }
        }
        assertThat(missing).as("keys missing per bundle").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_"))
                    .toList()) {
                all.putAll(load(p));
            }
        }
        Map<String, Set<String>> unknown = new TreeMap<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    String key = m.group(1);
                    if (!all.containsKey(key)) {
                        unknown.computeIfAbsent(TEMPLATES.relativize(template).toString(), t -> new TreeSet<>())
                                .add(key);
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used in templates but defined nowhere").isEmpty();
    }

    /**
     * A refusal the code raises ({@code InvalidInput}, {@code InvalidValueException}, a form rejection) carries a
     * message code and a Chinese default; without the code in the bundles an English user would read the Chinese
     * default, so every such code must be defined.
     */
    @Test
    void everyRefusalCodeRaisedInTheCodeHasItsText() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(p -> p.toString().endsWith("_en.properties")).toList()) {
                all.putAll(load(p));
            }
        }
        Map<String, Set<String>> unknown = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = REFUSAL_CODE.matcher(Files.readString(source));
                while (m.find()) {
                    String code = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!all.containsKey(code)) {
                        unknown.computeIfAbsent(SOURCES.relativize(source).toString(), t -> new TreeSet<>())
                                .add(code);
                    }
                }
            }
        }
        assertThat(unknown).as("refusal codes raised in the code but without text in the English bundles")
                .isEmpty();
    }

    @Test
    void noBundleValueIsBlank() throws IOException {
        Set<String> blank = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties bundle = load(p);
                bundle.stringPropertyNames().stream()
                        .filter(k -> bundle.getProperty(k).isBlank())
                        .forEach(k -> blank.add(p.getFileName() + ":" + k));
            }
        }
        assertThat(blank).isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
             InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
